'use strict';
// The trust dashboard: public at every level (headline figures, units, ranking, map, trend — small counts suppressed
// as in the open data; routing publishes the map's boundaries); a reader's token makes them exact.
// It drills down region → district → rural district, in Kazakh, Russian or English. The place and the language are in the address,
// so every drill-down is a real link, Back works, and a reload keeps them.

const TEXTS = {
  kk: {
    title: 'Әкімдерге деген сенім', skip: 'Негізгі мазмұнға өту', languageNav: 'Тіл', drillDown: 'Аумақтар',
    from: 'Кезең басы', to: 'Кезең соңы', token: 'Кіру токені (қосымша)', show: 'Көрсету',
    territory: 'Аумақ', category: 'Санат', akim: 'Әкім', since: 'қызметте', received: 'Өтініштер',
    answered: 'Жауап берілді', per1000: '1000 тұрғынға', onTimeOfDue: 'Мерзімінде (мерзімі келгендерден)',
    overdueNow: 'Қазір мерзімі өткен', reachedCentre: 'Президент Әкімшілігіне жетті', standing: 'Салыстыру',
    headline: 'Негізгі көрсеткіштер', answeredShare: 'жауап берілді', ofDue: 'мерзімі келген {n} ішінен',
    deemedRefused: 'Бас тарту деп танылды', extended: 'Мерзімі ұзартылды',
    reachedDistrict: 'Аудан әкімдігіне жетті', reachedRegion: 'Облысқа жетті',
    reachedPresidentialAdministration: 'Президент Әкімшілігіне жетті', satisfaction: 'Қанағаттанды',
    ofRated: 'бағалаған {n} ішінен', medianDays: 'Жауапқа дейін (медиана, жұмыс күні)',
    publicNote: 'Ашық көрініс: 1–4 сандары «<5» болып көрсетіледі, олардан есептелген көрсеткіштер көрсетілмейді. Нақты сандар үшін қолжетімділік токенін енгізіңіз.',
    exactNote: 'Нақты сандар (қолжетімділік токені бойынша).',
    ranking: 'Ауылдық округтер рейтингі', rankingCaption: 'Рейтингтегі ауылдық округтер, ең жақсы топтан бастап',
    rankingExplained: 'Округтер шұңқыр бойынша салыстырылады: бір топтағылар бір орынды бөліседі. Баға — тегістелген үлес '
      + '95% аралығымен. Қолданыстағы баптаулар: рейтинг үшін кемінде {min} өлшенген өтініш; бір өтініш берушінің '
      + 'салмағы {cap}-тен аспайды; орташа деңгей {ref}.',
    methodology: 'Әдістеме: рейтинг қарапайым тілмен', openData: 'Ашық деректер (CSV)',
    rank: 'Орын', band: 'Топ', estimate: 'Баға (тегістелген)', interval: '95% аралық', keptShare: 'Жергілікті шешілді',
    lettersPer1000: 'Жоғары жеткен хаттар, 1000 тұрғынға (баға)', notRanked: 'Рейтингте жоқ ауылдық округтер',
    reason: 'Себебі', NO_APPEALS: 'өтініш жоқ', TOO_FEW_APPEALS: 'өтініш аз', AKIM_NEW_IN_OFFICE: 'әкім қызметке жаңа кірісті',
    formula: 'Формула', computedAt: 'Есептелді',
    funnel: 'Салыстыру шұңқыры', funnelTable: 'Салыстыру шұңқыры кесте түрінде', volume: 'Өтініштер (өлшенген)',
    limits95: '95% шектері', limits998: '99,8% шектері', reference: 'Орташа деңгей',
    WORSE_99_8: 'күтілгеннен айтарлықтай нашар (99,8%)', WORSE_95: 'күтілгеннен нашар (95%)',
    AS_EXPECTED: 'күтілген шекте', BETTER_95: 'күтілгеннен жақсы (95%)',
    BETTER_99_8: 'күтілгеннен айтарлықтай жақсы (99,8%)', none: 'топсыз (өтініш жоқ немесе көрсетуге тым аз)', other: 'басқа түрдегі әкім: бұл салыстыруға кірмейді',
    funnelExplained: 'Әр нүкте — ауылдық округ: өтініштерінің қаншасы жергілікті шешілгені (тігінен) және барлық '
      + 'өтініштер саны (көлденеңінен). Сызықтар — осындай көлемдегі округті кездейсоқтық қана орташадан '
      + 'ауытқыта алатын шектер: олардың ішінде округ «күтілген шекте» және басқалармен салыстырылып орын '
      + 'алмайды; тек шектен тыс нүкте күтілгеннен нашар не жақсы. Шағын округтің шектері кеңірек, сондықтан '
      + 'бірнеше өтініш әкімді құлата да, көтере де алмайды. Әдіс: Spiegelhalter, Statistics in Medicine, 2005.',
    map: 'Салыстыру картасы', mapExplained: 'Әр ауылдық округ шұңқырдағы тобы бойынша боялған және белгісі бар; '
      + 'округті ашу үшін оны таңдаңыз.',
    mapHelp: 'Масштаб: + және − батырмалары, Ctrl + тінтуір дөңгелегі немесе екі саусақ; картаны сүйреп жылжытыңыз.',
    mapZoom: 'Карта масштабы', zoomIn: 'Үлкейту', zoomOut: 'Кішірейту', zoomReset: 'Бастапқы көрініс',
    trend: 'Айлар бойынша', month: 'Ай', asTable: 'Кесте түрінде', trendSummary: 'Айына өтініштер: {list}.',
    country: 'Қазақстан', regions: 'Облыстар', districts: 'Аудандар', ruralDistricts: 'Ауылдық округтер',
    categories: 'Санаттар бойынша', failed: 'Деректер жүктелмеді', badToken: 'Токен жарамсыз немесе мерзімі өтті: басқасын енгізіңіз',
    kind: 'Түрі', comparisonGroup: 'Кімдер салыстырылады', rankingTOWNS: 'Қалалар рейтингі',
    rankingCaptionTOWNS: 'Рейтингтегі қалалар, ең жақсы топтан бастап', notRankedTOWNS: 'Рейтингте жоқ қалалар',
    rankingCITIES: 'Облыстық маңызы бар қалалар мен қала аудандарының рейтингі',
    rankingCaptionCITIES: 'Рейтингтегі қалалар, ең жақсы топтан бастап', notRankedCITIES: 'Рейтингте жоқ қалалар',
    groupRURAL: 'ауылдық округтер, ауыл және кент әкімдіктері', groupTOWNS: 'аудандық маңызы бар қалалар мен қала әкімдіктері',
    groupCITIES: 'облыстық маңызы бар қалалар мен қала аудандары',
    groupExplained: 'Тек бір түрдегі әкімдер салыстырылады: ауыл ауылмен, қала қаламен.',
    kindREGION: 'облыс', kindCITY_OF_REPUBLICAN_SIGNIFICANCE: 'республикалық маңызы бар қала', kindDISTRICT: 'аудан',
    kindCITY_ADMINISTRATION: 'облыстық маңызы бар қала', kindCITY_DISTRICT: 'қаладағы аудан',
    kindRURAL_DISTRICT: 'ауылдық округ', kindVILLAGE_AKIMAT: 'ауыл әкімдігі', kindSETTLEMENT_AKIMAT: 'кент әкімдігі',
    kindTOWN: 'аудандық маңызы бар қала', kindTOWN_ADMINISTRATION: 'қала әкімдігі',
    forbidden: 'Бұл токенге рұқсат жоқ', loading: 'Жүктелуде…'
  },
  ru: {
    title: 'Доверие к акимам', skip: 'Перейти к основному содержанию', languageNav: 'Язык', drillDown: 'Территории',
    from: 'Начало периода', to: 'Конец периода', token: 'Токен доступа (необязательно)', show: 'Показать',
    territory: 'Территория', category: 'Категория', akim: 'Аким', since: 'в должности с', received: 'Обращения',
    answered: 'Получили ответ', per1000: 'На 1000 жителей', onTimeOfDue: 'В срок (из тех, чей срок наступил)',
    overdueNow: 'Просрочено сейчас', reachedCentre: 'Дошли до Администрации Президента', standing: 'Сравнение',
    headline: 'Главные цифры', answeredShare: 'получили ответ', ofDue: 'из {n}, чей срок наступил',
    deemedRefused: 'Признано отказом', extended: 'Срок продлён',
    reachedDistrict: 'Дошли до районного акимата', reachedRegion: 'Дошли до области',
    reachedPresidentialAdministration: 'Дошли до Администрации Президента', satisfaction: 'Довольны ответом',
    ofRated: 'из {n} оценивших', medianDays: 'До ответа (медиана, рабочих дней)',
    publicNote: 'Открытый просмотр: числа от 1 до 4 показаны как «<5», вычисленное из них не показано. Точные цифры — по токену доступа.',
    exactNote: 'Точные цифры (по токену доступа).',
    ranking: 'Рейтинг сельских округов', rankingCaption: 'Сельские округа в рейтинге, начиная с лучшей группы',
    rankingExplained: 'Округа сравниваются по воронке: все в одной группе делят одно место. Оценка — сглаженная доля '
      + 'с 95% интервалом. Действующие настройки: для рейтинга нужно не меньше {min} взвешенных обращений; обращения '
      + 'одного заявителя весят не больше {cap}; средний уровень {ref}.',
    methodology: 'Методика: как устроен рейтинг', openData: 'Открытые данные (CSV)',
    rank: 'Место', band: 'Группа', estimate: 'Оценка (сглаженная)', interval: '95% интервал', keptShare: 'Решено на месте',
    lettersPer1000: 'Дошедшие выше письма на 1000 жителей (оценка)', notRanked: 'Сельские округа вне рейтинга',
    reason: 'Причина', NO_APPEALS: 'нет обращений', TOO_FEW_APPEALS: 'мало обращений',
    AKIM_NEW_IN_OFFICE: 'аким недавно в должности', formula: 'Формула', computedAt: 'Рассчитано',
    funnel: 'Воронка сравнения', funnelTable: 'Воронка сравнения в виде таблицы', volume: 'Обращения (взвешенные)',
    limits95: 'Границы 95%', limits998: 'Границы 99,8%', reference: 'Средний уровень',
    WORSE_99_8: 'значительно хуже ожидаемого (99,8%)', WORSE_95: 'хуже ожидаемого (95%)',
    AS_EXPECTED: 'в пределах ожидаемого', BETTER_95: 'лучше ожидаемого (95%)',
    BETTER_99_8: 'значительно лучше ожидаемого (99,8%)', none: 'без группы (обращений нет или слишком мало, чтобы показать)', other: 'аким другого вида: не в этом сравнении',
    funnelExplained: 'Каждая точка — сельский округ: какая доля его обращений решена на месте (по вертикали) при '
      + 'скольких обращениях (по горизонтали). Линии — границы, в которых одна лишь случайность держит округ '
      + 'такого размера вокруг среднего: внутри них округ «в пределах ожидаемого» и не упорядочивается против '
      + 'других; хуже или лучше ожидаемого — только точка за границей. У малого округа границы шире, поэтому '
      + 'несколько обращений не могут ни утопить, ни вознести акима. Метод: Spiegelhalter, Statistics in Medicine, 2005.',
    map: 'Карта сравнения', mapExplained: 'Каждый сельский округ окрашен и помечен знаком по своей группе в воронке; '
      + 'выберите округ, чтобы открыть его.',
    mapHelp: 'Масштаб: кнопки + и −, Ctrl + колесо мыши или два пальца; карту можно перетаскивать.',
    mapZoom: 'Масштаб карты', zoomIn: 'Приблизить', zoomOut: 'Отдалить', zoomReset: 'Исходный вид',
    trend: 'По месяцам', month: 'Месяц', asTable: 'В виде таблицы', trendSummary: 'Обращений по месяцам: {list}.',
    country: 'Казахстан', regions: 'Области', districts: 'Районы', ruralDistricts: 'Сельские округа',
    categories: 'По категориям', failed: 'Не удалось загрузить данные', badToken: 'Токен недействителен или истёк: введите другой',
    kind: 'Вид', comparisonGroup: 'Кого сравнивать', rankingTOWNS: 'Рейтинг городов',
    rankingCaptionTOWNS: 'Города в рейтинге, начиная с лучшей группы', notRankedTOWNS: 'Города вне рейтинга',
    rankingCITIES: 'Рейтинг городов областного значения и районов в городе',
    rankingCaptionCITIES: 'Города в рейтинге, начиная с лучшей группы', notRankedCITIES: 'Города вне рейтинга',
    groupRURAL: 'сельские округа, сельские и поселковые администрации', groupTOWNS: 'города районного значения и городские администрации',
    groupCITIES: 'города областного значения и районы в городе',
    groupExplained: 'Сравниваются только акимы одного вида: село с селом, город с городом.',
    kindREGION: 'область', kindCITY_OF_REPUBLICAN_SIGNIFICANCE: 'город республиканского значения', kindDISTRICT: 'район',
    kindCITY_ADMINISTRATION: 'город областного значения', kindCITY_DISTRICT: 'район в городе',
    kindRURAL_DISTRICT: 'сельский округ', kindVILLAGE_AKIMAT: 'сельская администрация',
    kindSETTLEMENT_AKIMAT: 'поселковая администрация', kindTOWN: 'город районного значения',
    kindTOWN_ADMINISTRATION: 'городская администрация',
    forbidden: 'Этому токену доступ не разрешён', loading: 'Загрузка…'
  },
  en: {
    title: 'Trust in akims', skip: 'Skip to the main content', languageNav: 'Language', drillDown: 'Territories',
    from: 'Period from', to: 'Period to', token: 'Access token (optional)', show: 'Show',
    territory: 'Territory', category: 'Category', akim: 'Akim', since: 'in office since', received: 'Appeals',
    answered: 'Answered', per1000: 'Per 1,000 residents', onTimeOfDue: 'On time (of those due)',
    overdueNow: 'Overdue now', reachedCentre: 'Reached the Presidential Administration', standing: 'Comparison',
    headline: 'Headline figures', answeredShare: 'answered', ofDue: 'of {n} due', deemedRefused: 'Deemed refused',
    extended: 'Term extended', reachedDistrict: 'Reached the district akimat', reachedRegion: 'Reached the region',
    reachedPresidentialAdministration: 'Reached the Presidential Administration', satisfaction: 'Satisfied',
    ofRated: 'of {n} who rated', medianDays: 'To answer (median, working days)',
    publicNote: 'Public view: counts of 1 to 4 read "<5" and what is computed from them is not shown. Exact figures need an access token.',
    exactNote: 'Exact figures (access token).',
    ranking: 'Rural districts ranked', rankingCaption: 'Ranked rural districts, best band first',
    rankingExplained: 'Districts are compared by the funnel: everyone in one band shares a rank. The estimate is the '
      + 'shrunk share with its 95% interval. Settings in force: at least {min} weighted appeals to be ranked; one '
      + "applicant's appeals weigh at most {cap}; reference rate {ref}.",
    methodology: 'Methodology: how the ranking works', openData: 'Open data (CSV)',
    rank: 'Rank', band: 'Band', estimate: 'Estimate (shrunk)', interval: '95% interval', keptShare: 'Kept locally',
    lettersPer1000: 'Letters that went higher per 1,000 residents (estimate)', notRanked: 'Rural districts not ranked',
    reason: 'Why', NO_APPEALS: 'no appeals', TOO_FEW_APPEALS: 'too few appeals', AKIM_NEW_IN_OFFICE: 'akim new in office',
    formula: 'Formula', computedAt: 'Computed',
    funnel: 'Funnel plot', funnelTable: 'The funnel plot as a table', volume: 'Appeals (weighted)',
    limits95: '95% limits', limits998: '99.8% limits', reference: 'Reference rate',
    WORSE_99_8: 'much worse than expected (99.8%)', WORSE_95: 'worse than expected (95%)',
    AS_EXPECTED: 'as expected', BETTER_95: 'better than expected (95%)',
    BETTER_99_8: 'much better than expected (99.8%)', none: 'no band (no appeals, or too few to show)', other: 'another kind of akim: not in this comparison',
    funnelExplained: 'Each dot is a rural district: the share of its appeals settled locally (up) against how many '
      + 'appeals it had (across). The lines are the limits within which chance alone keeps a district of that size '
      + 'around the average: inside them a district is "as expected" and is not ordered against the others; only a '
      + 'dot outside is worse or better than expected. A small district has wider limits, so a few appeals can '
      + 'neither sink nor lift an akim. Method: Spiegelhalter, Statistics in Medicine, 2005.',
    map: 'Comparison map', mapExplained: 'Each rural district is coloured and marked by its band in the funnel; '
      + 'select a district to open it.',
    mapHelp: 'Zoom with the + and − buttons, Ctrl + mouse wheel or two fingers; drag the map to move it.',
    mapZoom: 'Map zoom', zoomIn: 'Zoom in', zoomOut: 'Zoom out', zoomReset: 'Reset view',
    trend: 'By month', month: 'Month', asTable: 'As a table', trendSummary: 'Appeals per month: {list}.',
    country: 'Kazakhstan', regions: 'Regions', districts: 'Districts', ruralDistricts: 'Rural districts',
    categories: 'By category', failed: 'Could not load the data', badToken: 'The token is invalid or expired: enter another',
    kind: 'Kind', comparisonGroup: 'Compare', rankingTOWNS: 'Towns ranked',
    rankingCaptionTOWNS: 'Ranked towns, best band first', notRankedTOWNS: 'Towns not ranked',
    rankingCITIES: 'Cities of regional significance and city districts ranked',
    rankingCaptionCITIES: 'Ranked cities, best band first', notRankedCITIES: 'Cities not ranked',
    groupRURAL: 'rural districts, village and settlement akimats', groupTOWNS: 'towns of district significance and town administrations',
    groupCITIES: 'cities of regional significance and city districts',
    groupExplained: 'Only akims of one kind are compared: villages with villages, towns with towns.',
    kindREGION: 'region', kindCITY_OF_REPUBLICAN_SIGNIFICANCE: 'city of republican significance', kindDISTRICT: 'district',
    kindCITY_ADMINISTRATION: 'city of regional significance', kindCITY_DISTRICT: 'city district',
    kindRURAL_DISTRICT: 'rural district', kindVILLAGE_AKIMAT: 'village akimat', kindSETTLEMENT_AKIMAT: 'settlement akimat',
    kindTOWN: 'town of district significance', kindTOWN_ADMINISTRATION: 'town administration',
    forbidden: 'This token may not read it', loading: 'Loading…'
  }
};

const CATEGORIES = {
  roads: ['Жолдар', 'Дороги', 'Roads'], yards: ['Аулалар', 'Дворы', 'Yards'],
  playgrounds: ['Балалар алаңдары', 'Детские площадки', 'Playgrounds'],
  lighting: ['Көше жарығы', 'Уличное освещение', 'Street lighting'],
  water: ['Сумен жабдықтау', 'Водоснабжение', 'Water supply'], heating: ['Жылумен жабдықтау', 'Теплоснабжение', 'Heating'],
  waste: ['Қоқыс шығару', 'Вывоз мусора', 'Waste collection'],
  transport: ['Қоғамдық көлік', 'Общественный транспорт', 'Public transport'],
  'social-support': ['Әлеуметтік көмек', 'Социальная помощь', 'Social support'],
  land: ['Жер қатынастары', 'Земельные отношения', 'Land'],
  'public-safety': ['Қоғамдық қауіпсіздік', 'Общественная безопасность', 'Public safety'],
  other: ['Басқа', 'Другое', 'Other']
};

/** Colour-blind-safe (orange–purple diverging), and every band also has a symbol: colour is never the only cue. */
const BANDS = {
  WORSE_99_8: { colour: '#b35806', symbol: '▼▼' }, WORSE_95: { colour: '#f1a340', symbol: '▼' },
  AS_EXPECTED: { colour: '#e6e1d3', symbol: '=' }, BETTER_95: { colour: '#998ec3', symbol: '▲' },
  BETTER_99_8: { colour: '#542788', symbol: '▲▲' }, none: { colour: '#c8ced4', symbol: '·' },
  other: { colour: '#f4f5f7', symbol: '' }
};
const LEVELS = ['COUNTRY', 'REGION', 'DISTRICT', 'RURAL_DISTRICT'];
const LEVEL_PATH = { REGION: 'regions', DISTRICT: 'districts', RURAL_DISTRICT: 'rural-districts' };
const LEVEL_PARAMETER = { REGION: 'region', DISTRICT: 'district', RURAL_DISTRICT: 'rural' };
const SVG = ['svg', 'path', 'polyline', 'text', 'tspan', 'line', 'title', 'g', 'circle', 'a', 'rect'];
const state = { lang: 'ru', trail: [], from: '', to: '', names: {}, territoryUrl: null, group: 'RURAL' };
/** The comparison groups the page offers at a level, and the level of the units each ranks (analytics' policy). */
const GROUPS = { REGION: ['RURAL', 'TOWNS', 'CITIES'], DISTRICT: ['RURAL', 'TOWNS'] };
const GROUP_LEVEL = { RURAL: 'RURAL_DISTRICT', TOWNS: 'RURAL_DISTRICT', CITIES: 'DISTRICT' };
/** A text of the ranking for its group: the rural districts' is the plain key. */
const groupText = (key, group) => t(group === 'RURAL' ? key : key + group);

const $ = (selector) => document.querySelector(selector);
const t = (key, values = {}) => TEXTS[state.lang][key].replace(/\{(\w+)\}/g, (_, name) => values[name]);
const percent = (share) => share == null ? '—' : (100 * share).toFixed(1) + '%';
const number = (value, digits = 2) => value == null ? '—' : Number(value).toFixed(digits);
const token = () => sessionStorage.getItem('appeals.token');

function element(tag, attributes = {}, ...children) {
  const node = SVG.includes(tag) && tag !== 'a' || (tag === 'a' && attributes.svg)
    ? document.createElementNS('http://www.w3.org/2000/svg', tag) : document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => value != null && name !== 'svg'
    && node.setAttribute(name, value));
  children.flat().forEach(child => child != null && node.append(child));
  return node;
}

// ---- the address: place, period and language ----

/** KATO codes nest: a rural district's first four digits name its district, the first two its region. */
const regionOf = (kato) => kato.slice(0, 2) + '0000000';
const districtOf = (kato) => kato.slice(0, 4) + '00000';

function trailTo(level, kato) {
  const trail = [{ level: 'COUNTRY', kato: 'KZ' }];
  if (level === 'COUNTRY') return trail;
  trail.push({ level: 'REGION', kato: regionOf(kato) });
  if (level !== 'REGION') trail.push({ level: 'DISTRICT', kato: districtOf(kato) });
  if (level === 'RURAL_DISTRICT') trail.push({ level, kato });
  return trail;
}

function addressOf(trail, lang = state.lang) {
  const query = new URLSearchParams({ lang, from: state.from, to: state.to });
  const step = trail[trail.length - 1];
  if (step.level !== 'COUNTRY') query.set(LEVEL_PARAMETER[step.level], step.kato);
  return location.pathname + '?' + query;
}

function readAddress() {
  const query = new URLSearchParams(location.search);
  const browserLanguage = (navigator.language || 'ru').slice(0, 2);
  state.lang = [query.get('lang'), sessionStorage.getItem('appeals.lang'), browserLanguage]
    .find(lang => lang in TEXTS) || 'ru';
  const today = new Date(Date.now() + 5 * 3600 * 1000).toISOString().slice(0, 10);
  state.from = query.get('from') || today.slice(0, 4) + '-01-01';
  state.to = query.get('to') || today;
  const deepest = ['RURAL_DISTRICT', 'DISTRICT', 'REGION'].find(level => /^\d{9}$/.test(query.get(LEVEL_PARAMETER[level]) || ''));
  state.trail = deepest ? trailTo(deepest, query.get(LEVEL_PARAMETER[deepest])) : trailTo('COUNTRY');
}

function go(address) {
  history.pushState(null, '', address);
  readAddress();
  render().then(() => $('#main').focus({ preventScroll: true }));
}

/** A real link (it opens in a new tab, and reads as a link), followed in place when clicked plainly. */
function link(label, address, attributes = {}) {
  const anchor = element('a', Object.assign({ href: address }, attributes), label);
  anchor.addEventListener('click', event => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    go(address);
  });
  return anchor;
}

const drillLink = (label, level, kato) => link(label, addressOf(trailTo(level, kato)), { 'data-kato': kato });

// ---- reading ----

class ReadError extends Error {
  constructor(status, detail) { super(detail); this.status = status; }
}

async function readJson(url, withToken = true) {
  const headers = token() && withToken ? { Authorization: 'Bearer ' + token() } : {};
  const response = await fetch(url, { headers });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new ReadError(response.status, problem.detail || String(response.status));
  }
  return response.json();
}

const period = () => '?from=' + state.from + '&to=' + state.to;

function nameOf(kato, territory) {
  if (territory && (territory.nameKk || territory.nameRu)) {
    state.names[kato] = { kk: territory.nameKk, ru: territory.nameRu, akim: territory.akimName,
      since: territory.akimElectedSince, kind: territory.kind };
  }
  const names = state.names[kato];
  if (!names) return kato;
  return (state.lang === 'kk' ? names.kk || names.ru : names.ru || names.kk) || kato;
}

const akimOf = (kato) => {
  const names = state.names[kato];
  if (!names || !names.akim) return '—';
  return names.akim + (names.since ? ' (' + t('since') + ' ' + names.since + ')' : '');
};

const kindOf = (kato) => state.names[kato] && state.names[kato].kind ? t('kind' + state.names[kato].kind) : '—';

const categoryName = (code) => (CATEGORIES[code] || [code, code, code])[['kk', 'ru', 'en'].indexOf(state.lang)];

// ---- drawing ----

function applyTexts() {
  document.documentElement.lang = state.lang;
  document.querySelectorAll('[data-text]').forEach(node => { node.textContent = t(node.dataset.text); });
  document.querySelectorAll('[data-label]').forEach(node => node.setAttribute('aria-label', t(node.dataset.label)));
  document.querySelectorAll('#languages a').forEach(anchor => {
    anchor.href = addressOf(state.trail, anchor.dataset.lang);
    if (anchor.dataset.lang === state.lang) anchor.setAttribute('aria-current', 'page');
    else anchor.removeAttribute('aria-current');
  });
  const methodology = 'methodology-' + state.lang + '.html';
  $('#methodology-link').href = methodology;
  $('#methodology-footer').href = methodology;
  const region = state.trail[1];
  $('#open-data-link').href = '/api/v1/open-data/rural-districts.csv' + period()
    + (region ? '&regionKato=' + region.kato : '');
  $('#from').value = state.from;
  $('#to').value = state.to;
  $('#token-field').hidden = Boolean(token());
}

function renderBreadcrumbs() {
  const crumbs = $('#breadcrumbs');
  crumbs.replaceChildren(...state.trail.map((step, index) => {
    const label = step.level === 'COUNTRY' ? t('country') : nameOf(step.kato);
    if (index === state.trail.length - 1) return element('span', { 'aria-current': 'page' }, label);
    return element('span', {}, link(label, addressOf(state.trail.slice(0, index + 1)), { 'data-kato': step.kato }));
  }));
  const here = state.trail[state.trail.length - 1];
  document.title = (here.level === 'COUNTRY' ? t('country') : nameOf(here.kato)) + ' — ' + t('title');
}

function figure(label, shown, detail) {
  return element('div', {}, element('dt', {}, label),
    element('dd', {}, shown, detail ? element('small', {}, detail) : null));
}

function renderHeadline(headline) {
  const here = state.trail[state.trail.length - 1];
  $('#headline-title').textContent = t('headline') + ': '
    + (here.level === 'COUNTRY' ? t('country') : nameOf(here.kato, headline.territory))
    + (here.level === 'RURAL_DISTRICT' && headline.territory.akimName ? ' · ' + t('akim') + ': ' + akimOf(here.kato) : '');
  $('#headline').replaceChildren(
    figure(t('received'), headline.received.shown),
    figure(t('answered'), headline.answered.shown,
      headline.answeredShare == null ? null : percent(headline.answeredShare) + ' ' + t('answeredShare')),
    figure(t('onTimeOfDue'), headline.answeredOnTime.shown, t('ofDue', { n: headline.due.shown })
      + (headline.onTimeShareOfDue == null ? '' : ' · ' + percent(headline.onTimeShareOfDue))),
    figure(t('overdueNow'), headline.overdueNow.shown),
    figure(t('deemedRefused'), headline.deemedRefused.shown),
    figure(t('extended'), headline.extended.shown),
    figure(t('reachedDistrict'), headline.reachedDistrictAkimat.shown),
    figure(t('reachedRegion'), headline.reachedRegion.shown),
    figure(t('reachedPresidentialAdministration'), headline.reachedPresidentialAdministration.shown),
    figure(t('satisfaction'), percent(headline.satisfactionRate), t('ofRated', { n: headline.rated.shown })),
    figure(t('medianDays'), number(headline.medianWorkingDaysToAnswer, 1)));
  $('#headline-note').textContent = headline.smallCountsSuppressed ? t('publicNote') : t('exactNote');
}

/** @param standing per KATO code, what the ranking says of the unit (its band, or why it is not ranked) */
function renderUnits(title, units, drillLevel, standing = {}) {
  $('#units-section').hidden = false;
  $('#units-title').textContent = title;
  $('#units-caption').textContent = title;
  $('#units-name-header').textContent = t(drillLevel ? 'territory' : 'category');
  $('#units tbody').replaceChildren(...units.map(metrics => {
    const name = drillLevel ? nameOf(metrics.kato, metrics.territory) : categoryName(metrics.categoryCode);
    return element('tr', { 'data-kato': metrics.kato || '', 'data-category': metrics.categoryCode || '' },
      element('th', { scope: 'row' }, drillLevel ? drillLink(name, drillLevel, metrics.kato) : name),
      element('td', {}, drillLevel === 'RURAL_DISTRICT' ? akimOf(metrics.kato) : '—'),
      element('td', {}, drillLevel ? kindOf(metrics.kato) : '—'),
      element('td', {}, metrics.received.shown), element('td', {}, number(metrics.receivedPer1000Residents)),
      element('td', {}, percent(metrics.onTimeShareOfDue)), element('td', {}, metrics.overdueNow.shown),
      element('td', {}, metrics.reachedPresidentialAdministration.shown),
      element('td', standing[metrics.kato] ? { 'data-band': standing[metrics.kato].band } : {},
        standing[metrics.kato] ? standing[metrics.kato].text : '—'));
  }));
}

const bandText = (band) => band ? BANDS[band].symbol + ' ' + t(band) : '—';
const shrunkShare = (estimate) => estimate ? percent(estimate.estimate) : '—';
const shrunkInterval = (estimate) => estimate ? percent(estimate.lower) + ' – ' + percent(estimate.upper) : '—';
const perThousand = (point) => point && point.shrunk ? number(point.shrunk.estimate) + ' (' + number(point.shrunk.lower)
  + ' – ' + number(point.shrunk.upper) + ')' : '—';

/** @param offered the comparison groups the reader may switch to here */
function renderRanking(ranking, offered) {
  const level = GROUP_LEVEL[ranking.group];
  $('#ranking-section').hidden = false;
  $('#ranking-title').textContent = groupText('ranking', ranking.group);
  $('#ranking-caption').textContent = groupText('rankingCaption', ranking.group);
  $('#not-ranked-caption').textContent = groupText('notRanked', ranking.group);
  $('#group').replaceChildren(...offered.map(group => element('option',
    { value: group, selected: group === ranking.group ? '' : null }, t('group' + group))));
  $('#ranking-explained').textContent = t('rankingExplained', { min: ranking.minimumAppeals,
    cap: ranking.applicantWeightCap, ref: percent(ranking.funnel.referenceRate) }) + ' ' + t('groupExplained');
  $('#ranking tbody').replaceChildren(...ranking.ranked.map(entry => element('tr', { 'data-kato': entry.kato },
    element('td', {}, String(entry.rank)),
    element('th', { scope: 'row' }, drillLink(nameOf(entry.kato), level, entry.kato)),
    element('td', {}, entry.received.shown),
    element('td', entry.funnel ? { 'data-band': entry.funnel.band } : {}, bandText(entry.funnel && entry.funnel.band)),
    element('td', {}, shrunkShare(entry.funnel && entry.funnel.shrunk)),
    element('td', {}, shrunkInterval(entry.funnel && entry.funnel.shrunk)),
    element('td', {}, percent(entry.funnel && entry.funnel.rate)), element('td', {}, perThousand(entry.escalationFunnel)),
    element('td', {}, kindOf(entry.kato)))));
  $('#not-ranked tbody').replaceChildren(...ranking.notRanked.map(entry => element('tr', { 'data-kato': entry.kato },
    element('th', { scope: 'row' }, drillLink(nameOf(entry.kato), level, entry.kato)),
    element('td', {}, kindOf(entry.kato)), element('td', {}, akimOf(entry.kato)), element('td', {}, entry.received.shown),
    element('td', { 'data-reason': entry.reasonCode }, t(entry.reasonCode)),
    element('td', entry.funnel ? { 'data-band': entry.funnel.band } : {},
      bandText(entry.funnel && entry.funnel.band)))));
  $('#formula').textContent = ranking.formula;
  $('#computed-at').textContent = t('computedAt') + ' ' + nationalTime(ranking.computedAt);
  renderFunnel(ranking);
}

/** Per KATO code, the ranking's word on a unit: its band, or why it is not ranked. */
function standingOf(ranking) {
  const standing = {};
  ranking.ranked.forEach(entry => {
    const band = entry.funnel && entry.funnel.band;
    standing[entry.kato] = { band, text: bandText(band) };
  });
  ranking.notRanked.forEach(entry => { standing[entry.kato] = { text: t(entry.reasonCode) }; });
  return standing;
}

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
  const x = (volume) => 60 + 520 * (Math.log10(Math.max(1, volume)) - minVolume) / (maxVolume - minVolume);
  const y = (share) => 280 - 260 * (share - low) / (1 - low);
  const limit = (pick, dash) => element('polyline', { points: points.map(p => x(p.volume) + ',' + y(pick(p))).join(' '),
    fill: 'none', stroke: '#5c677d', 'stroke-width': 1.2, 'stroke-dasharray': dash });
  $('#funnel').replaceChildren(
    element('line', { x1: 60, x2: 580, y1: y(reference), y2: y(reference), stroke: '#005f73', 'stroke-width': 1.5 }),
    element('line', { x1: 60, x2: 60, y1: y(1), y2: y(low), stroke: '#8896a4' }),
    limit(p => p.limits95.lower, '5 4'), limit(p => p.limits95.upper, '5 4'),
    limit(p => p.limits998.lower, null), limit(p => p.limits998.upper, null),
    element('text', { x: 4, y: y(1) + 5 }, '100%'),
    element('text', { x: 4, y: y(low) + 5 }, percent(low).replace('.0', '')),
    element('text', { x: 60, y: 310 }, String(Math.round(10 ** minVolume))),
    element('text', { x: 580, y: 310, 'text-anchor': 'end' }, t('volume') + ' ' + Math.round(10 ** maxVolume)),
    ...points.map(p => element('g', { 'data-kato': p.id },
      element('circle', { cx: x(p.volume), cy: y(p.rate), r: 6, fill: BANDS[p.band].colour, stroke: '#1d2733' },
        element('title', {}, nameOf(p.id) + ' — ' + percent(p.rate) + ', ' + t(p.band))))));
  $('#funnel-reference').textContent = t('reference') + ': ' + percent(reference);
  $('#funnel-table tbody').replaceChildren(...points.map(p => element('tr', { 'data-kato': p.id },
    element('th', { scope: 'row' }, nameOf(p.id)), element('td', {}, number(p.volume, 1)),
    element('td', {}, percent(p.rate)),
    element('td', {}, percent(p.limits95.lower) + ' – ' + percent(p.limits95.upper)),
    element('td', {}, percent(p.limits998.lower) + ' – ' + percent(p.limits998.upper)),
    element('td', { 'data-band': p.band }, bandText(p.band)),
    element('td', {}, shrunkShare(p.shrunk) + ' (' + shrunkInterval(p.shrunk) + ')'))));
}

/**
 * The time a ranking was computed, on the country's clock (UTC+5 since March 2024), not the browser's: a ranking may
 * be served up to half a minute old, and readers compare it with the day's events.
 */
function nationalTime(instant) {
  const shifted = new Date(Date.parse(instant) + 5 * 3600 * 1000).toISOString();
  return shifted.slice(0, 10) + ' ' + shifted.slice(11, 19) + ' (UTC+5)';
}

/** The map's frame is this many units wide; labels and strokes keep their size on screen whatever the zoom. */
const MAP_WIDTH = 600;
const MAP_MARGIN = 12;
const MAP_MAX_ZOOM = 16;
/** The frame drawn (box: the viewBox now; full: the frame at reset) and the names that may be shown in it. */
let mapView = null;

/**
 * The rural districts coloured by their band in the ranking's funnel, each a link that can be focused and followed
 * by keyboard, marked with its band's symbol, and named with its band for a screen reader; a unit of another kind
 * than the ranking compares (a town among villages) is drawn pale, as not in this comparison, and with no unit of
 * the comparison on the map (the cities' ranking) the map is not shown. The frame takes the shown units' own extent
 * (a district's, or the whole region's), within 3:5 and 3:2; where the frame is wider or taller than a district, the
 * rest of its region is drawn faintly around it instead of an empty frame.
 */
function renderMap(collection, bands, prefix, standing) {
  const features = collection.features.filter(feature => feature.properties.kato.startsWith(prefix));
  $('#map-section').hidden = !features.some(feature => standing[feature.properties.kato]);
  const polygonsOf = (feature) => feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates]
    : feature.geometry.coordinates;
  const points = features.flatMap(feature => polygonsOf(feature).flat()).flat();
  if (points.length === 0) return;
  // a loop, not Math.min(...points): a region's detailed boundaries have more points than a call takes arguments
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  points.forEach(([x, y]) => {
    [minX, maxX, minY, maxY] = [Math.min(minX, x), Math.max(maxX, x), Math.min(minY, y), Math.max(maxY, y)];
  });
  const aspect = Math.cos((minY + maxY) / 2 * Math.PI / 180);
  const width = (maxX - minX) * aspect || 1e-3;
  const height = (maxY - minY) || 1e-3;
  const frameHeight = Math.round(MAP_WIDTH * Math.min(1.5, Math.max(0.6, height / width)));
  const scale = Math.min((MAP_WIDTH - 2 * MAP_MARGIN) / width, (frameHeight - 2 * MAP_MARGIN) / height);
  const [left, top] = [(MAP_WIDTH - width * scale) / 2, (frameHeight - height * scale) / 2];
  const project = ([x, y]) => [left + (x - minX) * aspect * scale, top + (maxY - y) * scale];
  const pathOf = (feature) => polygonsOf(feature).flatMap(polygon => polygon.map(r =>
    'M' + r.map(p => project(p).map(c => c.toFixed(1)).join(',')).join('L') + 'Z')).join('');
  const context = collection.features.filter(feature => !feature.properties.kato.startsWith(prefix))
    .map(feature => element('path', { d: pathOf(feature), class: 'context' }));
  const labels = [];
  const areas = features.map(feature => {
    const kato = feature.properties.kato;
    const band = bands[kato] || (standing[kato] ? 'none' : 'other');
    const spot = labelSpot(polygonsOf(feature).map(polygon => polygon[0].map(project)));
    // without a band, the ranking's reason (too few appeals…) where it gives one
    const unranked = !bands[kato] && standing[kato] && standing[kato].text !== bandText(null) ? standing[kato].text : null;
    const label = nameOf(kato) + ' — ' + (unranked || t(band));
    const anchor = element('a', { svg: true, href: addressOf(trailTo('RURAL_DISTRICT', kato)), 'aria-label': label,
      'data-kato': kato },
    element('title', {}, label),
    element('path', { d: pathOf(feature), fill: BANDS[band].colour, 'data-kato': kato, 'data-band': band }),
    element('text', { x: spot.x.toFixed(1), y: spot.y.toFixed(1), dy: '.35em', 'text-anchor': 'middle',
      'aria-hidden': 'true' }, BANDS[band].symbol));
    // names go in a layer above every area (none hides another's), shown where the area holds them at the
    // current zoom, and on hover or focus; each area's name is read out and is in the tables too
    const lines = linesOf(nameOf(kato));
    labels.push(Object.assign(spot, { kato, lines: lines.length, node: element('text', { x: spot.x.toFixed(1),
      y: spot.y.toFixed(1), 'text-anchor': 'middle', class: 'area-name', 'data-kato': kato, visibility: 'hidden' },
    lines.map((line, i) => element('tspan', { x: spot.x.toFixed(1), dy: i ? '1.15em' : '1.6em' }, line))) }));
    anchor.addEventListener('click', event => {
      event.preventDefault();
      // a drag across the map opens nothing; Enter on a focused area (detail 0) always opens it
      if (!mapDrag.moved || event.detail === 0) go(anchor.getAttribute('href'));
    });
    return anchor;
  });
  $('#map').replaceChildren(element('g', { 'aria-hidden': 'true' }, context), ...areas,
    element('g', { id: 'map-labels', 'aria-hidden': 'true' }, labels.map(label => label.node)));
  mapView = { full: [0, 0, MAP_WIDTH, frameHeight], box: [0, 0, MAP_WIDTH, frameHeight],
    labels: labels.sort((a, b) => b.size - a.size) };
  showMapView();
  $('#map-legend').replaceChildren(...Object.keys(BANDS).filter(band => band !== 'other'
    || areas.some(area => area.querySelector('path').dataset.band === 'other')).map(band => element('li', {},
    element('span', { class: 'swatch', style: 'background:' + BANDS[band].colour + ';color:'
      + (band.endsWith('99_8') ? '#fff' : '#1d2733'), 'aria-hidden': 'true' }, BANDS[band].symbol), t(band))));
}

/** A name in lines of up to 16 characters, broken between words, so that it fits a narrow area. */
const linesOf = (name) => name.split(' ').reduce((lines, word) => {
  const last = lines.length - 1;
  if (last >= 0 && (lines[last] + ' ' + word).length <= 16) lines[last] += ' ' + word;
  else lines.push(word);
  return lines;
}, []);

/**
 * Where an area's symbol and name go: the centroid of its largest ring (or, where that falls outside a concave
 * ring, the middle of the widest stretch of the ring across it), with that ring's bounds, which the name must fit.
 */
function labelSpot(rings) {
  const measured = rings.map(ring => {
    let [area, cx, cy] = [0, 0, 0];
    ring.forEach((p, i) => {
      const q = ring[(i + 1) % ring.length];
      const cross = p[0] * q[1] - q[0] * p[1];
      [area, cx, cy] = [area + cross, cx + (p[0] + q[0]) * cross, cy + (p[1] + q[1]) * cross];
    });
    return { ring, size: Math.abs(area / 2), x: cx / (3 * area), y: cy / (3 * area) };
  }).sort((a, b) => b.size - a.size)[0];
  const box = measured.ring.reduce((b, [x, y]) => [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x),
    Math.max(b[3], y)], [Infinity, Infinity, -Infinity, -Infinity]);
  // the ring's crossings of the horizontal through the centroid: inside between each pair
  const crossings = [];
  measured.ring.forEach((p, i) => {
    const q = measured.ring[(i + 1) % measured.ring.length];
    if ((p[1] > measured.y) !== (q[1] > measured.y)) {
      crossings.push(p[0] + (measured.y - p[1]) * (q[0] - p[0]) / (q[1] - p[1]));
    }
  });
  crossings.sort((a, b) => a - b);
  const inside = crossings.some((x, i) => i % 2 === 0 && x <= measured.x && measured.x <= crossings[i + 1]);
  if (!inside && crossings.length >= 2) {
    let widest = 0;
    for (let i = 0; i + 1 < crossings.length; i += 2) {
      if (crossings[i + 1] - crossings[i] > widest) {
        widest = crossings[i + 1] - crossings[i];
        measured.x = (crossings[i] + crossings[i + 1]) / 2;
      }
    }
  }
  return { x: measured.x || (box[0] + box[2]) / 2, y: measured.y || (box[1] + box[3]) / 2, size: measured.size, box };
}

/**
 * Applies the current zoom: the viewBox, the scale that keeps text and strokes their size on screen, and the names
 * shown — those whose area holds them at this zoom, larger areas first, none over another already shown.
 */
function showMapView() {
  const map = $('#map');
  const [x, y, w, h] = mapView.box;
  map.setAttribute('viewBox', mapView.box.map(value => value.toFixed(2)).join(' '));
  const screen = map.getScreenCTM();
  const unitsPerPixel = screen && screen.a ? 1 / screen.a : w / MAP_WIDTH;
  map.style.setProperty('--units-per-px', unitsPerPixel.toFixed(4));
  const shown = [];
  mapView.labels.forEach(label => {
    if (!label.width) {
      label.width = Math.max(...[...label.node.children].map(line => line.getComputedTextLength())) / unitsPerPixel;
    }
    // in pixels: the symbol 18 high around the spot, the name's lines of 13 below it (dy 1.6em, then 1.15em)
    const half = (label.width / 2 + 2) * unitsPerPixel;
    const rect = [label.x - half, label.y + 8 * unitsPerPixel, label.x + half,
      label.y + (26 + 15 * (label.lines - 1)) * unitsPerPixel];
    const fits = label.width > 0 && rect[0] >= Math.max(label.box[0], x) && rect[2] <= Math.min(label.box[2], x + w)
      && label.y - 10 * unitsPerPixel >= Math.max(label.box[1], y) && rect[3] <= Math.min(label.box[3], y + h)
      && !shown.some(other => rect[0] < other[2] && other[0] < rect[2] && rect[1] < other[3] && other[1] < rect[3]);
    if (fits) shown.push(rect);
    label.node.setAttribute('visibility', fits ? 'visible' : 'hidden');
  });
}

/** factor > 1 zooms in, around a point of the frame (its centre when not given). */
function zoomMap(factor, [cx, cy] = [mapView.box[0] + mapView.box[2] / 2, mapView.box[1] + mapView.box[3] / 2]) {
  const [x, y, w, h] = mapView.box;
  const fullWidth = mapView.full[2];
  const ratio = Math.min(fullWidth, Math.max(fullWidth / MAP_MAX_ZOOM, w / factor)) / w;
  moveMapTo([cx - (cx - x) * ratio, cy - (cy - y) * ratio, w * ratio, h * ratio]);
}

/** Shows a box of the frame, kept inside the frame. */
function moveMapTo([x, y, w, h]) {
  const [, , fullWidth, fullHeight] = mapView.full;
  mapView.box = [Math.min(Math.max(x, 0), fullWidth - w), Math.min(Math.max(y, 0), fullHeight - h), w, h];
  showMapView();
}

/** A drag in progress (pointers down, where they were), and whether it moved: then it opens no area. */
const mapDrag = { pointers: new Map(), moved: false };

/**
 * Zoom by the buttons (keyboard included), by Ctrl + wheel (a touchpad's pinch sends that too; the plain wheel
 * scrolls the page) and by a two-finger pinch; pan by dragging with the mouse, or with two fingers (one finger
 * scrolls the page); an area focused by keyboard that lies outside the zoomed frame is brought into it.
 */
function setUpMap() {
  const map = $('#map');
  const pointOf = (event) => {
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(map.getScreenCTM().inverse());
    return [point.x, point.y];
  };
  $('#map-zoom-in').addEventListener('click', () => mapView && zoomMap(2));
  $('#map-zoom-out').addEventListener('click', () => mapView && zoomMap(0.5));
  $('#map-reset').addEventListener('click', () => mapView && moveMapTo(mapView.full));
  map.addEventListener('wheel', event => {
    if (!mapView || !event.ctrlKey) return;
    event.preventDefault();
    zoomMap(Math.exp(-event.deltaY / 200), pointOf(event));
  }, { passive: false });
  map.addEventListener('dragstart', event => event.preventDefault());
  map.addEventListener('pointerdown', event => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    if (mapDrag.pointers.size === 0) mapDrag.moved = false;
    mapDrag.pointers.set(event.pointerId, [event.clientX, event.clientY]);
  });
  map.addEventListener('pointermove', event => {
    const down = mapDrag.pointers.get(event.pointerId);
    if (!mapView || !down) return;
    if (event.pointerType === 'mouse' && event.buttons === 0) {
      mapDrag.pointers.delete(event.pointerId);
      return;
    }
    // a touch pans and zooms with two fingers: one scrolls the page (touch-action in the CSS)
    if (event.pointerType !== 'mouse' && mapDrag.pointers.size < 2) return;
    const gesture = () => {
      const [a, b] = [...mapDrag.pointers.values()];
      return b ? { x: (a[0] + b[0]) / 2, y: (a[1] + b[1]) / 2, spread: Math.hypot(a[0] - b[0], a[1] - b[1]) }
        : { x: a[0], y: a[1], spread: 0 };
    };
    const before = gesture();
    mapDrag.pointers.set(event.pointerId, [event.clientX, event.clientY]);
    const after = gesture();
    if (!mapDrag.moved && Math.hypot(after.x - before.x, after.y - before.y) + Math.abs(after.spread - before.spread) < 4) {
      mapDrag.pointers.set(event.pointerId, down); // not a drag yet: measured from where it went down
      return;
    }
    if (!mapDrag.moved) map.setPointerCapture(event.pointerId);
    mapDrag.moved = true;
    const unitsPerPixel = 1 / map.getScreenCTM().a;
    const [x, y, w, h] = mapView.box;
    moveMapTo([x - (after.x - before.x) * unitsPerPixel, y - (after.y - before.y) * unitsPerPixel, w, h]);
    if (before.spread > 0 && after.spread > 0) zoomMap(after.spread / before.spread, pointOf({ clientX: after.x, clientY: after.y }));
  });
  ['pointerup', 'pointercancel'].forEach(type => map.addEventListener(type, event => {
    mapDrag.pointers.delete(event.pointerId);
  }));
  const highlight = (event, on) => {
    const area = event.target.closest && event.target.closest('#map a[data-kato]');
    const label = area && map.querySelector('#map-labels [data-kato="' + area.dataset.kato + '"]');
    if (!label) return;
    label.classList.toggle('active', on);
    if (on) label.parentNode.append(label);
  };
  map.addEventListener('mouseover', event => highlight(event, true));
  map.addEventListener('mouseout', event => highlight(event, false));
  map.addEventListener('focusout', event => highlight(event, false));
  map.addEventListener('focusin', event => {
    highlight(event, true);
    const area = event.target.closest('a[data-kato]');
    // keyboard focus only: a press of the mouse on an area (that focuses it too) may begin a drag
    if (!mapView || !area || !area.matches(':focus-visible')) return;
    const bounds = area.getBBox();
    const [x, y, w, h] = mapView.box;
    if (bounds.x < x || bounds.y < y || bounds.x + bounds.width > x + w || bounds.y + bounds.height > y + h) {
      moveMapTo([bounds.x + bounds.width / 2 - w / 2, bounds.y + bounds.height / 2 - h / 2, w, h]);
    }
  });
  new ResizeObserver(() => mapView && showMapView()).observe(map);
}

/**
 * Appeals per month on an axis from zero with its scale (gridlines at round steps), every month a dot, so a single
 * month still draws; a month whose count is suppressed ("<5" in the public view) is a gap, not a zero. The same as
 * text and as a table beside it.
 */
function renderTrend(series) {
  $('#trend-section').hidden = false;
  const counts = series.map(bucket => bucket.received.count);
  const most = Math.max(1, ...counts.filter(count => count != null));
  const step = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000]
    .find(candidate => most / candidate <= 5) || 10 ** Math.ceil(Math.log10(most / 5));
  const top = Math.ceil(most / step) * step;
  const x = index => 70 + (series.length === 1 ? 250 : index * (500 / (series.length - 1)));
  const y = count => 220 - 200 * count / top;
  const ticks = Array.from({ length: top / step + 1 }, (_, i) => i * step);
  const every = Math.ceil(series.length / 6);
  // runs of consecutive months with a published count: a suppressed month breaks the line
  const runs = [];
  counts.forEach((count, i) => {
    if (count == null) return;
    if (i === 0 || counts[i - 1] == null) runs.push([]);
    runs[runs.length - 1].push(x(i) + ',' + y(count));
  });
  $('#trend').replaceChildren(
    ...ticks.map(tick => element('line', { x1: 70, x2: 580, y1: y(tick), y2: y(tick), stroke: tick ? '#d5dde5' : '#5c677d' })),
    ...ticks.map(tick => element('text', { x: 62, y: y(tick) + 5, 'text-anchor': 'end' }, String(tick))),
    element('line', { x1: 70, y1: 20, x2: 70, y2: 220, stroke: '#5c677d' }),
    ...runs.map((run, i) => element('polyline', { id: i === 0 ? 'trend-received' : null, points: run.join(' '),
      fill: 'none', stroke: '#005f73', 'stroke-width': 2.5 })),
    ...counts.map((count, i) => count == null ? null : element('circle', { cx: x(i), cy: y(count), r: 5, fill: '#005f73' }))
      .filter(dot => dot),
    ...series.map((b, i) => i % every === 0 ? element('text', { x: x(i), y: 248, 'text-anchor': 'middle' },
      b.period.from.slice(0, 7)) : null).filter(label => label));
  $('#trend-summary').textContent = t('trendSummary', { list: series.map(b => b.period.from.slice(0, 7) + ' — '
    + b.received.shown).join(', ') });
  $('#trend-table tbody').replaceChildren(...series.map(b => element('tr', {},
    element('th', { scope: 'row' }, b.period.from.slice(0, 7)), element('td', {}, b.received.shown),
    element('td', {}, b.answered.shown), element('td', {}, percent(b.onTimeShareOfDue)),
    element('td', {}, percent(b.keptLocallyShare)))));
}

/** The reader's words for a failed read, never a server's detail or a raw code. */
function explain(error) {
  if (error.status === 403) return t('forbidden');
  return t('failed') + (error.status ? ' (HTTP ' + error.status + ')' : '');
}

let drawing = 0;

/** @param notice what the status line says once the page is drawn (empty: nothing) */
async function render(notice = '') {
  const mine = ++drawing;
  // a newer drawing (another click meanwhile) takes over: this one stops at its next read
  const read = async (url, withToken) => {
    const value = await readJson(url, withToken);
    if (mine !== drawing) throw new ReadError(0, 'superseded');
    return value;
  };
  applyTexts();
  renderBreadcrumbs();
  $('#status').textContent = t('loading');
  ['#units-section', '#ranking-section', '#funnel-section', '#map-section', '#trend-section'].forEach(section => {
    $(section).hidden = true;
  });
  const step = state.trail[state.trail.length - 1];
  const path = step.level === 'COUNTRY' ? '' : '/' + LEVEL_PATH[step.level] + '/' + step.kato;
  try {
    renderHeadline(await read('/api/v1/dashboard/headline' + path + period()));
    // an address that opens a district or rural district directly: its region's and district's names
    await Promise.all(state.trail.slice(1, -1).filter(crumb => !state.names[crumb.kato]).map(crumb =>
      readJson('/api/v1/dashboard/headline/' + LEVEL_PATH[crumb.level] + '/' + crumb.kato + period())
        .then(headline => nameOf(crumb.kato, headline.territory), () => null)));
    renderBreadcrumbs();
    if (step.level === 'COUNTRY') {
      renderUnits(t('regions'), await read('/api/v1/dashboard/units' + period()), 'REGION');
    } else if (step.level === 'RURAL_DISTRICT') {
      renderUnits(t('categories'), await read('/api/v1/dashboard/categories' + path + period()), null);
    } else {
      const offered = GROUPS[step.level];
      if (!offered.includes(state.group)) state.group = 'RURAL';
      const ranking = await read('/api/v1/dashboard/ranking' + path + period() + '&group=' + state.group.toLowerCase());
      ranking.ranked.concat(ranking.notRanked).forEach(entry => nameOf(entry.kato, entry.territory));
      const units = await read('/api/v1/dashboard/units' + path + period());
      renderUnits(t(step.level === 'REGION' ? 'districts' : 'ruralDistricts'), units,
        step.level === 'REGION' ? 'DISTRICT' : 'RURAL_DISTRICT', standingOf(ranking));
      renderRanking(ranking, offered);
      const bands = Object.fromEntries(ranking.ranked.concat(ranking.notRanked).filter(entry => entry.funnel)
        .map(entry => [entry.kato, entry.funnel.band]));
      // public boundaries, read without the token (no preflight, cacheable); the page stands without its map
      const boundaries = await read(state.territoryUrl + '/api/v1/territory/boundaries?regionKato='
        + state.trail[1].kato, false).catch(error => {
        if (mine !== drawing) throw error;
        notice = notice || explain(error);
        return null;
      });
      if (boundaries) {
        renderMap(boundaries, bands, step.level === 'REGION' ? step.kato.slice(0, 2) : step.kato.slice(0, 4),
          standingOf(ranking));
      }
    }
    if (step.level !== 'COUNTRY') renderTrend(await read('/api/v1/dashboard/trend' + path + period()));
    $('#status').textContent = notice;
  } catch (error) {
    if (mine !== drawing) return;
    if (error.status === 401 && token()) {
      // a bad or expired token: the public view instead, the token field open for another, and why
      sessionStorage.removeItem('appeals.token');
      await render(t('badToken'));
      return;
    }
    $('#status').textContent = explain(error);
  }
}

async function start() {
  const hash = new URLSearchParams(location.hash.slice(1));
  if (hash.get('token')) sessionStorage.setItem('appeals.token', hash.get('token'));
  readAddress();
  // the token leaves the address; region= of older links becomes the dashboard's own address
  history.replaceState(null, '', addressOf(state.trail));
  document.querySelectorAll('#languages a').forEach(anchor => anchor.addEventListener('click', event => {
    event.preventDefault();
    sessionStorage.setItem('appeals.lang', anchor.dataset.lang);
    go(addressOf(state.trail, anchor.dataset.lang));
  }));
  window.addEventListener('popstate', () => { readAddress(); render(); });
  $('#group').addEventListener('change', event => { state.group = event.target.value; render(); });
  $('#controls').addEventListener('submit', event => {
    event.preventDefault();
    if ($('#token').value) sessionStorage.setItem('appeals.token', $('#token').value);
    $('#token').value = '';
    state.from = $('#from').value;
    state.to = $('#to').value;
    go(addressOf(state.trail));
  });
  setUpMap();
  state.territoryUrl = (await fetch('/api/v1/dashboard/config').then(response => response.json())).territoryUrl;
  render();
}

start();
