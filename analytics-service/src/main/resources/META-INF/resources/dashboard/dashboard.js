'use strict';
// The trust dashboard: reads the analytics API (and routing's boundaries for the map) with the reader's bearer
// token, drills down region → district → rural district, in Kazakh, Russian or English.

const TEXTS = {
  kk: {
    funnel: 'Салыстыру шұңқыры', band: 'Баға', shrunk: 'Тегістелген баға (95%)', keptShare: 'Жергілікті шешілді',
    volume: 'Өтініштер (өлшенген)', limits95: '95% шектері', limits998: '99,8% шектері', reference: 'Орташа деңгей',
    WORSE_99_8: 'күтілгеннен айтарлықтай нашар (99,8%)', WORSE_95: 'күтілгеннен нашар (95%)',
    AS_EXPECTED: 'күтілген шекте', BETTER_95: 'күтілгеннен жақсы (95%)',
    BETTER_99_8: 'күтілгеннен айтарлықтай жақсы (99,8%)',
    funnelExplained: 'Әр нүкте — ауылдық округ: өтініштерінің қаншасы жергілікті шешілгені (тігінен) және барлық '
      + 'өтініштер саны (көлденеңінен). Сызықтар — осындай көлемдегі округті кездейсоқтық қана орташадан '
      + 'ауытқыта алатын шектер: олардың ішінде округ «күтілген шекте» және басқалармен салыстырылып орын '
      + 'алмайды; тек шектен тыс нүкте күтілгеннен нашар не жақсы. Шағын округтің шектері кеңірек, сондықтан '
      + 'бірнеше өтініш әкімді құлата да, көтере де алмайды. Әдіс: Spiegelhalter, Statistics in Medicine, 2005.',
    title: 'Әкімдерге деген сенім', from: 'Кезең басы', to: 'Кезең соңы', token: 'Кіру токені', show: 'Көрсету',
    territory: 'Аумақ', received: 'Өтініштер', per1000: '1000 тұрғынға', onTime: 'Мерзімінде жауап',
    reachedCentre: 'Орталыққа жетті', trustIndex: 'Сенім индексі', ranking: 'Ауылдық округтер рейтингі',
    rank: 'Орын', interval: '95% аралық', formula: 'Формула', map: 'Сенім индексінің картасы',
    legendLow: 'төмен', legendHigh: 'жоғары', legendNone: 'рейтингте жоқ', country: 'Қазақстан',
    regions: 'Облыстар', districts: 'Аудандар', ruralDistricts: 'Ауылдық округтер', categories: 'Санаттар бойынша',
    trend: 'Айлар бойынша', notRanked: 'Рейтингке аз өтініш', akim: 'Әкім', since: 'қызметте',
    needToken: 'Токенді енгізіңіз', failed: 'Деректер жүктелмеді', loading: 'Жүктелуде…', computedAt: 'Есептелді'
  },
  ru: {
    funnel: 'Воронка сравнения', band: 'Оценка', shrunk: 'Сглаженная оценка (95%)', keptShare: 'Решено на месте',
    volume: 'Обращения (взвешенные)', limits95: 'Границы 95%', limits998: 'Границы 99,8%', reference: 'Средний уровень',
    WORSE_99_8: 'значительно хуже ожидаемого (99,8%)', WORSE_95: 'хуже ожидаемого (95%)',
    AS_EXPECTED: 'в пределах ожидаемого', BETTER_95: 'лучше ожидаемого (95%)',
    BETTER_99_8: 'значительно лучше ожидаемого (99,8%)',
    funnelExplained: 'Каждая точка — сельский округ: какая доля его обращений решена на месте (по вертикали) при '
      + 'скольких обращениях (по горизонтали). Линии — границы, в которых одна лишь случайность держит округ '
      + 'такого размера вокруг среднего: внутри них округ «в пределах ожидаемого» и не упорядочивается против '
      + 'других; хуже или лучше ожидаемого — только точка за границей. У малого округа границы шире, поэтому '
      + 'несколько обращений не могут ни утопить, ни вознести акима. Метод: Spiegelhalter, Statistics in Medicine, 2005.',
    title: 'Доверие к акимам', from: 'Начало периода', to: 'Конец периода', token: 'Токен доступа', show: 'Показать',
    territory: 'Территория', received: 'Обращения', per1000: 'На 1000 жителей', onTime: 'Ответ в срок',
    reachedCentre: 'Дошли до центра', trustIndex: 'Индекс доверия', ranking: 'Рейтинг сельских округов',
    rank: 'Место', interval: '95% интервал', formula: 'Формула', map: 'Карта индекса доверия',
    legendLow: 'низкий', legendHigh: 'высокий', legendNone: 'вне рейтинга', country: 'Казахстан',
    regions: 'Области', districts: 'Районы', ruralDistricts: 'Сельские округа', categories: 'По категориям',
    trend: 'По месяцам', notRanked: 'Мало обращений для рейтинга', akim: 'Аким', since: 'в должности с',
    needToken: 'Введите токен', failed: 'Не удалось загрузить данные', loading: 'Загрузка…', computedAt: 'Рассчитано'
  },
  en: {
    funnel: 'Funnel plot', band: 'Band', shrunk: 'Shrunk estimate (95%)', keptShare: 'Kept locally',
    volume: 'Appeals (weighted)', limits95: '95% limits', limits998: '99.8% limits', reference: 'Reference rate',
    WORSE_99_8: 'much worse than expected (99.8%)', WORSE_95: 'worse than expected (95%)',
    AS_EXPECTED: 'as expected', BETTER_95: 'better than expected (95%)',
    BETTER_99_8: 'much better than expected (99.8%)',
    funnelExplained: 'Each dot is a rural district: the share of its appeals settled locally (up) against how many '
      + 'appeals it had (across). The lines are the limits within which chance alone keeps a district of that size '
      + 'around the average: inside them a district is "as expected" and is not ordered against the others; only a '
      + 'dot outside is worse or better than expected. A small district has wider limits, so a few appeals can '
      + 'neither sink nor lift an akim. Method: Spiegelhalter, Statistics in Medicine, 2005.',
    title: 'Trust in akims', from: 'Period from', to: 'Period to', token: 'Access token', show: 'Show',
    territory: 'Territory', received: 'Appeals', per1000: 'Per 1,000 residents', onTime: 'Answered on time',
    reachedCentre: 'Reached the centre', trustIndex: 'Trust index', ranking: 'Rural districts ranked',
    rank: 'Rank', interval: '95% interval', formula: 'Formula', map: 'Trust index map',
    legendLow: 'low', legendHigh: 'high', legendNone: 'not ranked', country: 'Kazakhstan',
    regions: 'Regions', districts: 'Districts', ruralDistricts: 'Rural districts', categories: 'By category',
    trend: 'By month', notRanked: 'Too few appeals to rank', akim: 'Akim', since: 'in office since',
    needToken: 'Enter a token', failed: 'Could not load the data', loading: 'Loading…', computedAt: 'Computed'
  }
};

const LEVEL_PATH = { REGION: 'regions', DISTRICT: 'districts', RURAL_DISTRICT: 'rural-districts' };
const state = { lang: 'ru', trail: [{ level: 'COUNTRY', kato: 'KZ' }], names: {}, territoryUrl: null };

const $ = (selector) => document.querySelector(selector);
const t = (key) => TEXTS[state.lang][key];
const percent = (share) => share == null ? '—' : (100 * share).toFixed(1) + '%';
const number = (value, digits = 2) => value == null ? '—' : Number(value).toFixed(digits);

function element(tag, attributes = {}, ...children) {
  const node = document.createElementNS(
    ['svg', 'path', 'polyline', 'text', 'line', 'title', 'g', 'circle'].includes(tag) ? 'http://www.w3.org/2000/svg'
      : 'http://www.w3.org/1999/xhtml', tag);
  Object.entries(attributes).forEach(([name, value]) => value != null && node.setAttribute(name, value));
  children.flat().forEach(child => node.append(child));
  return node;
}

function nameOf(metrics) {
  const territory = metrics.territory || {};
  const name = state.lang === 'kk' ? territory.nameKk || territory.nameRu : territory.nameRu || territory.nameKk;
  if (name) state.names[metrics.kato] = { kk: territory.nameKk, ru: territory.nameRu };
  return name || metrics.kato;
}

function remembered(kato) {
  const names = state.names[kato];
  if (!names) return kato;
  return (state.lang === 'kk' ? names.kk || names.ru : names.ru || names.kk) || kato;
}

async function read(url) {
  const response = await fetch(url, { headers: { Authorization: 'Bearer ' + sessionStorage.getItem('appeals.token') } });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail || response.status + ' ' + response.statusText);
  }
  return response.json();
}

const period = () => '?from=' + $('#from').value + '&to=' + $('#to').value;

function applyTexts() {
  document.documentElement.lang = state.lang;
  document.querySelectorAll('[data-text]').forEach(node => { node.textContent = t(node.dataset.text); });
  document.querySelectorAll('[data-lang]').forEach(button =>
    button.setAttribute('aria-pressed', String(button.dataset.lang === state.lang)));
  document.title = t('title');
}

function drill(level, kato) {
  const depth = ['COUNTRY', 'REGION', 'DISTRICT', 'RURAL_DISTRICT'].indexOf(level);
  state.trail = state.trail.slice(0, depth).concat([{ level, kato }]);
  render();
}

function renderBreadcrumbs() {
  const crumbs = $('#breadcrumbs');
  crumbs.replaceChildren(...state.trail.map((step, index) => {
    const label = step.level === 'COUNTRY' ? t('country') : remembered(step.kato);
    if (index === state.trail.length - 1) return element('span', {}, label);
    const link = element('a', { 'data-kato': step.kato }, label);
    link.addEventListener('click', () => drill(step.level, step.kato));
    return element('span', {}, link);
  }));
}

function unitRow(metrics, clickable) {
  const name = nameOf(metrics);
  const cell = clickable ? element('a', {}, name) : name;
  if (clickable) cell.addEventListener('click', () => drill(metrics.level, metrics.kato));
  const trust = metrics.trust ? number(metrics.trust.lower, 3) : '—';
  return element('tr', { 'data-kato': metrics.kato || '', 'data-category': metrics.categoryCode || '' },
    element('td', {}, metrics.categoryCode || cell), element('td', {}, String(metrics.received)),
    element('td', {}, number(metrics.receivedPer1000Residents)), element('td', {}, percent(metrics.onTimeRate)),
    element('td', {}, String(metrics.escalations.reachedPresidentialAdministration)),
    element('td', {}, trust));
}

function renderUnits(title, units, clickable) {
  $('#units-title').textContent = title;
  $('#units tbody').replaceChildren(...units.map(unit => unitRow(unit, clickable)));
}

function renderRanking(ranking) {
  $('#ranking-section').hidden = false;
  $('#ranking tbody').replaceChildren(...ranking.ranked.map(entry => {
    const link = element('a', {}, remembered(entry.kato));
    link.addEventListener('click', () => drill('RURAL_DISTRICT', entry.kato));
    return element('tr', { 'data-kato': entry.kato },
      element('td', {}, String(entry.rank)), element('td', {}, link), element('td', {}, String(entry.received)),
      element('td', {}, number(entry.trust.lower, 3)),
      element('td', {}, number(entry.trust.lower, 3) + ' – ' + number(entry.trust.upper, 3)),
      element('td', { 'data-band': entry.funnel.band }, t(entry.funnel.band)),
      element('td', {}, shrunk(entry.funnel.shrunk)));
  }));
  renderFunnel(ranking);
  $('#not-ranked').textContent = ranking.notRanked.length === 0 ? ''
    : t('notRanked') + ': ' + ranking.notRanked.map(entry => remembered(entry.kato)).join(', ');
  $('#formula').textContent = ranking.formula;
  $('#computed-at').textContent = t('computedAt') + ' ' + nationalTime(ranking.computedAt);
}

const shrunk = (estimate) => number(estimate.estimate, 3) + ' (' + number(estimate.lower, 3) + ' – '
  + number(estimate.upper, 3) + ')';
const BAND_COLOUR = { WORSE_99_8: '#9b2226', WORSE_95: '#ee9b00', AS_EXPECTED: '#5c677d', BETTER_95: '#52b788',
  BETTER_99_8: '#1b4332' };

/**
 * The funnel plot (Spiegelhalter 2005) of the ranking's territories: share kept locally against weighted appeals
 * (log scale), the reference rate, and the 95 % and 99.8 % limits joined across the territories' own volumes — the
 * API gives the limits at each territory's volume. The table below it carries the same content for a screen reader.
 */
function renderFunnel(ranking) {
  const points = ranking.ranked.concat(ranking.notRanked).map(entry => entry.funnel).filter(point => point)
    .sort((a, b) => a.volume - b.volume);
  $('#funnel-section').hidden = points.length === 0;
  if (points.length === 0) return;
  const reference = ranking.funnel.referenceRate;
  const low = Math.max(0, Math.floor(10 * Math.min(reference - 0.1,
    ...points.map(p => Math.min(p.rate, p.limits998.lower)))) / 10);
  const minVolume = Math.log10(Math.max(1, points[0].volume));
  const maxVolume = Math.max(minVolume + 1, Math.log10(points[points.length - 1].volume));
  const x = (volume) => 50 + 530 * (Math.log10(Math.max(1, volume)) - minVolume) / (maxVolume - minVolume);
  const y = (share) => 270 - 250 * (share - low) / (1 - low);
  const limit = (pick, dash) => element('polyline', { points: points.map(p => x(p.volume) + ',' + y(pick(p))).join(' '),
    fill: 'none', stroke: '#5c677d', 'stroke-width': 1, 'stroke-dasharray': dash });
  $('#funnel').replaceChildren(
    element('line', { x1: 50, x2: 580, y1: y(reference), y2: y(reference), stroke: '#005f73', 'stroke-width': 1.5 }),
    limit(p => p.limits95.lower, '4 3'), limit(p => p.limits95.upper, '4 3'),
    limit(p => p.limits998.lower, null), limit(p => p.limits998.upper, null),
    element('text', { x: 4, y: y(1) + 4, 'font-size': 11 }, number(1, 1)),
    element('text', { x: 4, y: y(low) + 4, 'font-size': 11 }, number(low, 1)),
    element('text', { x: 50, y: 292, 'font-size': 11 }, String(Math.round(10 ** minVolume))),
    element('text', { x: 580, y: 292, 'font-size': 11, 'text-anchor': 'end' },
      t('volume') + ' ' + Math.round(10 ** maxVolume)),
    ...points.map(p => element('g', { 'data-kato': p.id },
      element('circle', { cx: x(p.volume), cy: y(p.rate), r: 4, fill: BAND_COLOUR[p.band] },
        element('title', {}, remembered(p.id) + ' — ' + percent(p.rate) + ', ' + t(p.band))))));
  $('#funnel-reference').textContent = t('reference') + ': ' + percent(reference);
  $('#funnel-table tbody').replaceChildren(...points.map(p => element('tr', { 'data-kato': p.id },
    element('td', {}, remembered(p.id)), element('td', {}, number(p.volume, 1)), element('td', {}, percent(p.rate)),
    element('td', {}, percent(p.limits95.lower) + ' – ' + percent(p.limits95.upper)),
    element('td', {}, percent(p.limits998.lower) + ' – ' + percent(p.limits998.upper)),
    element('td', { 'data-band': p.band }, t(p.band)), element('td', {}, shrunk(p.shrunk)))));
}

/**
 * The time a ranking was computed, on the country's clock (UTC+5 since March 2024), not the browser's: a ranking may
 * be served up to half a minute old, and readers compare it with the day's events.
 */
function nationalTime(instant) {
  const shifted = new Date(Date.parse(instant) + 5 * 3600 * 1000).toISOString();
  return shifted.slice(0, 10) + ' ' + shifted.slice(11, 19) + ' (UTC+5)';
}

/** An absolute scale, red at 0 through yellow to green at 1, so that colours compare across regions and periods. */
function colour(trust) {
  if (trust == null) return '#c8ced4';
  const share = Math.max(0, Math.min(1, trust));
  return 'hsl(' + Math.round(120 * share) + ', 70%, ' + (50 - 12 * share) + '%)';
}

function renderMap(collection, metricsByKato, prefix) {
  const features = collection.features.filter(feature => feature.properties.kato.startsWith(prefix));
  $('#map-section').hidden = features.length === 0;
  const rings = features.flatMap(feature => feature.geometry.type === 'Polygon'
    ? [feature.geometry.coordinates] : feature.geometry.coordinates).flat();
  const points = rings.flat();
  if (points.length === 0) return;
  const [minX, maxX] = [Math.min(...points.map(p => p[0])), Math.max(...points.map(p => p[0]))];
  const [minY, maxY] = [Math.min(...points.map(p => p[1])), Math.max(...points.map(p => p[1]))];
  const aspect = Math.cos((minY + maxY) / 2 * Math.PI / 180);
  const scale = Math.min(580 / ((maxX - minX) * aspect || 1), 380 / ((maxY - minY) || 1));
  const project = ([x, y]) => (10 + (x - minX) * aspect * scale).toFixed(1) + ',' + (390 - (y - minY) * scale).toFixed(1);
  $('#map').replaceChildren(...features.map(feature => {
    const kato = feature.properties.kato;
    const metrics = metricsByKato[kato];
    const trust = metrics && metrics.trust ? metrics.trust.lower : null;
    const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    const d = polygons.flatMap(polygon => polygon.map(ring => 'M' + ring.map(project).join('L') + 'Z')).join('');
    const path = element('path', { d, fill: colour(trust), 'data-kato': kato, 'data-trust': trust },
      element('title', {}, remembered(kato) + ' — ' + t('trustIndex') + ': ' + number(trust, 3)));
    path.addEventListener('click', () => drill('RURAL_DISTRICT', kato));
    return path;
  }));
}

function renderTrend(series) {
  $('#trend-section').hidden = false;
  $('#trend-title').textContent = t('trend');
  const most = Math.max(1, ...series.map(bucket => bucket.received));
  const x = index => 40 + index * (540 / Math.max(1, series.length - 1));
  const received = series.map((bucket, index) => x(index) + ',' + (190 - 170 * bucket.received / most)).join(' ');
  const trust = series.filter(bucket => bucket.trust).map(bucket =>
    x(series.indexOf(bucket)) + ',' + (190 - 170 * bucket.trust.lower)).join(' ');
  const labels = series.map((bucket, index) =>
    element('text', { x: x(index), y: 210, 'text-anchor': 'middle', 'font-size': 10 }, bucket.period.from.slice(0, 7)));
  $('#trend').replaceChildren(
    element('line', { x1: 40, y1: 190, x2: 580, y2: 190, stroke: '#8896a4' }),
    element('text', { x: 4, y: 24, 'font-size': 10 }, String(most)),
    element('polyline', { points: received, fill: 'none', stroke: '#005f73', 'stroke-width': 2, id: 'trend-received' }),
    element('polyline', { points: trust, fill: 'none', stroke: '#ca6702', 'stroke-width': 2, id: 'trend-trust' }),
    ...labels);
}

async function render() {
  applyTexts();
  renderBreadcrumbs();
  if (!sessionStorage.getItem('appeals.token')) {
    $('#status').textContent = t('needToken');
    return;
  }
  $('#status').textContent = t('loading');
  const step = state.trail[state.trail.length - 1];
  ['#ranking-section', '#funnel-section', '#map-section', '#trend-section'].forEach(section => {
    $(section).hidden = true;
  });
  try {
    if (step.level === 'COUNTRY') {
      renderUnits(t('regions'), await read('/api/v1/metrics/regions' + period()), true);
    } else {
      const path = '/api/v1/metrics/' + LEVEL_PATH[step.level] + '/' + step.kato;
      const own = await read(path + period());
      nameOf(own);
      renderBreadcrumbs();
      if (step.level === 'RURAL_DISTRICT') {
        const territory = own.territory || {};
        renderUnits(t('categories') + (territory.akimName ? ' · ' + t('akim') + ': ' + territory.akimName
          + (territory.akimElectedSince ? ' (' + t('since') + ' ' + territory.akimElectedSince + ')' : '') : ''),
          await read(path + '/categories' + period()), false);
      } else {
        renderUnits(t(step.level === 'REGION' ? 'districts' : 'ruralDistricts'),
          await read(path + '/units' + period()), true);
        const scope = (step.level === 'REGION' ? 'regionKato=' : 'districtKato=') + step.kato;
        const ruralDistricts = await read('/api/v1/metrics/rural-districts' + period() + '&' + scope);
        const byKato = Object.fromEntries(ruralDistricts.map(metrics => { nameOf(metrics); return [metrics.kato, metrics]; }));
        renderRanking(await read('/api/v1/rankings/rural-districts' + period() + '&' + scope));
        const region = state.trail[1].kato;
        const boundaries = await read(state.territoryUrl + '/api/v1/territory/boundaries?regionKato=' + region);
        renderMap(boundaries, byKato, step.level === 'REGION' ? step.kato.slice(0, 2) : step.kato.slice(0, 4));
      }
      renderTrend(await read(path + '/series' + period() + '&granularity=month'));
    }
    $('#status').textContent = '';
  } catch (error) {
    $('#status').textContent = t('failed') + ': ' + error.message;
  }
}

async function start() {
  const hash = new URLSearchParams(location.hash.slice(1));
  if (hash.get('token')) {
    sessionStorage.setItem('appeals.token', hash.get('token'));
    history.replaceState(null, '', location.pathname + location.search);
  }
  const query = new URLSearchParams(location.search);
  const browserLanguage = (navigator.language || 'ru').slice(0, 2);
  state.lang = [query.get('lang'), browserLanguage].find(lang => lang in TEXTS) || 'ru';
  const today = new Date().toISOString().slice(0, 10);
  $('#from').value = query.get('from') || today.slice(0, 4) + '-01-01';
  $('#to').value = query.get('to') || today;
  if (query.get('region')) state.trail.push({ level: 'REGION', kato: query.get('region') });
  $('#token-field').hidden = Boolean(sessionStorage.getItem('appeals.token'));
  document.querySelectorAll('[data-lang]').forEach(button =>
    button.addEventListener('click', () => { state.lang = button.dataset.lang; render(); }));
  $('#controls').addEventListener('submit', event => {
    event.preventDefault();
    if ($('#token').value) sessionStorage.setItem('appeals.token', $('#token').value);
    render();
  });
  state.territoryUrl = (await fetch('/api/v1/dashboard/config').then(response => response.json())).territoryUrl;
  render();
}

start();
