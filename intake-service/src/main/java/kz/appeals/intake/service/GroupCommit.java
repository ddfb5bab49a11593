package kz.appeals.intake.service;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import kz.appeals.contracts.AppealEvents;
import kz.appeals.intake.config.IntakeConfig;
import kz.appeals.intake.domain.ReceiptNumber;
import kz.appeals.platform.calendar.CalendarInForce;
import kz.appeals.platform.outbox.Outbox;
import kz.appeals.platform.problem.Problem;
import kz.appeals.platform.problem.ProblemException;
import kz.appeals.platform.transaction.DatabaseUnavailable;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Stores submissions in groups ("smart batching"): one writer thread takes every submission waiting, stores them
 * with a handful of set-based statements ({@link AppealTable}) and their events through the outbox, and commits once;
 * only then does each waiting request get its answer, so a 201 still means durable. Under light load a group is one
 * submission; under heavy load groups grow and the commit's cost is shared.
 *
 * <p>A group that fails for a reason of its own rows (a constraint, a trigger, a character PostgreSQL refuses) is
 * split in halves, each retried in its own transaction, down to the one submission at fault, which alone is refused:
 * the others' answers do not change. A group that fails because the database cannot be used fails as a whole, and
 * each request is told to retry. A full queue is refused at once ({@link QueueFull}) instead of waited on.
 */
@ApplicationScoped
public class GroupCommit {

    /** More submissions wait than the queue holds: answered 503 service-busy with Retry-After. */
    public static final class QueueFull extends RuntimeException {

        private final long retryAfterSeconds;

        QueueFull(long retryAfterSeconds) {
            super("Every place in the submission queue is taken", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** A submission with the request's trace, and where its answer goes. */
    private record Ticket(NewAppeal appeal, Context trace, CompletableFuture<AppealSubmission.Outcome> answer) {
    }

    private static final Logger LOG = Logger.getLogger(GroupCommit.class);
    private static final ZoneOffset KAZAKHSTAN = ZoneOffset.ofHours(5);

    private final IntakeConfig.GroupCommit settings;
    private final AgroalDataSource dataSource;
    private final AppealTable table;
    private final Outbox outbox;
    private final CalendarInForce calendar;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final BlockingQueue<Ticket> queue;
    private final DistributionSummary groupSizes;
    private volatile boolean running;
    private Thread writer;

    public GroupCommit(IntakeConfig config, AgroalDataSource dataSource, AppealTable table, Outbox outbox,
                       CalendarInForce calendar, Clock clock, MeterRegistry metrics) {
        this.settings = config.groupCommit();
        this.dataSource = dataSource;
        this.table = table;
        this.outbox = outbox;
        this.calendar = calendar;
        this.clock = clock;
        this.metrics = metrics;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        Gauge.builder("appeals.intake.submissions.waiting", queue, BlockingQueue::size)
                .description("Submissions queued for the next group commit").register(metrics);
        this.groupSizes = DistributionSummary.builder("appeals.intake.group-commit.size")
                .description("Submissions stored by one transaction").register(metrics);
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        writer = new Thread(this::writeUntilStopped, "appeal-group-commit");
        writer.setDaemon(true);
        writer.start();
    }

    /** Takes no more submissions, stores those already queued; one that slipped in after the writer left is refused. */
    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        if (writer != null) {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        }
        for (Ticket late = queue.poll(); late != null; late = queue.poll()) {
            late.answer().completeExceptionally(new QueueFull(settings.retryAfter().toSeconds()));
        }
    }

    /**
     * Queues the submission; the answer completes once the group holding it has committed (or refused it), on the
     * writer's thread. A full queue is refused here, before anything waits.
     */
    CompletableFuture<AppealSubmission.Outcome> enqueue(NewAppeal appeal) {
        Ticket ticket = new Ticket(appeal, Context.current(), new CompletableFuture<>());
        if (!running || !queue.offer(ticket)) {
            throw new QueueFull(settings.retryAfter().toSeconds());
        }
        return ticket.answer();
    }

    /** Queues the submission and waits until the group holding it has committed (or refused it). */
    AppealSubmission.Outcome store(NewAppeal appeal) {
        CompletableFuture<AppealSubmission.Outcome> answer = enqueue(appeal);
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the submission was being stored", e);
        } catch (ExecutionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    /** Submissions queued now, not counting the group being written. */
    public int waiting() {
        return queue.size();
    }

    private void writeUntilStopped() {
        List<Ticket> group = new ArrayList<>(settings.maxBatchSize());
        while (running || !queue.isEmpty()) {
            try {
                Ticket first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, settings.maxBatchSize() - 1);
                lingerForMore(group);
                groupSizes.record(group.size());
                commit(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                refuse(group, e);
                return;
            } catch (RuntimeException | Error e) {
                LOG.error("Group commit failed outside a transaction", e);
                refuse(group, e);
            } finally {
                group.clear();
            }
        }
    }

    /** With a max-wait set, a group not yet full waits that long for more: fewer commits for a little latency. */
    private void lingerForMore(List<Ticket> group) throws InterruptedException {
        long deadline = System.nanoTime() + settings.maxWait().toNanos();
        while (group.size() < settings.maxBatchSize()) {
            long left = deadline - System.nanoTime();
            Ticket next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                return;
            }
            group.add(next);
            queue.drainTo(group, settings.maxBatchSize() - group.size());
        }
    }

    /**
     * Commits the group, or its halves apart when one of its statements fails for a reason of its rows; answers every
     * ticket. A failure of the commit itself leaves the outcome unknown: the group is not retried (that could store a
     * submission twice) but refused as a whole, and each client retries with its Idempotency-Key.
     */
    private void commit(List<Ticket> group) {
        Map<Ticket, Answer> answers;
        try {
            answers = QuarkusTransaction.requiringNew().call(() -> {
                try {
                    return write(group);
                } catch (SQLException | RuntimeException e) {
                    throw new StatementFailed(e);
                }
            });
        } catch (StatementFailed e) {
            if (group.size() == 1 || DatabaseUnavailable.causedBy(e)) {
                refuse(group, e.getCause());
                return;
            }
            LOG.debugf("A group of %d failed (%s); committing its halves apart", group.size(), e.getMessage());
            int half = group.size() / 2;
            commit(group.subList(0, half));
            commit(group.subList(half, group.size()));
            return;
        } catch (RuntimeException e) {
            refuse(group, e);
            return;
        }
        answers.forEach((ticket, answer) -> {
            if (answer.refusal() != null) {
                ticket.answer().completeExceptionally(answer.refusal());
                return;
            }
            if (answer.outcome().created()) {
                NewAppeal appeal = ticket.appeal();
                metrics.counter("appeals.intake.submitted", "channel", appeal.channel(), "category",
                        appeal.categoryCode(), "anonymous", Boolean.toString(appeal.anonymousSignal())).increment();
            }
            ticket.answer().complete(answer.outcome());
        });
    }

    /** Fails each ticket with an unchecked exception, the driver's kept as its cause, as the REST layer maps them. */
    private static void refuse(List<Ticket> group, Throwable failure) {
        if (group.size() == 1 && !DatabaseUnavailable.causedBy(failure)) {
            LOG.warnf("Submission %s refused: %s", group.get(0).appeal().id(), failure.getMessage());
        }
        RuntimeException refusal = failure instanceof RuntimeException unchecked ? unchecked
                : new IllegalStateException("The submission could not be stored", failure);
        group.forEach(ticket -> ticket.answer().completeExceptionally(refusal));
    }

    /** A statement of the group failed, before any commit: the transaction rolled back and may be retried in parts. */
    private static final class StatementFailed extends RuntimeException {

        StatementFailed(Exception cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /** What a ticket is told once its group has committed: its receipt, or why it is refused. */
    private record Answer(AppealSubmission.Outcome outcome, ProblemException refusal) {
    }

    /** The group's statements, in the transaction; returns each ticket's answer, to be given once it has committed. */
    private Map<Ticket, Answer> write(List<Ticket> group) throws SQLException {
        Instant now = clock.instant();
        LocalDate registrationDay = calendar.current().registrationDay(now);
        int year = now.atOffset(KAZAKHSTAN).getYear();
        Map<Ticket, Answer> answers = new IdentityHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            // one claimant per key; a repeat of the key in this group follows whatever the claimant's key resolves to
            Map<NewAppeal.ClaimedKey, Ticket> claimants = new LinkedHashMap<>();
            List<Ticket> creators = new ArrayList<>();
            List<Ticket> followers = new ArrayList<>();
            for (Ticket ticket : group) {
                NewAppeal.IdempotencyClaim key = ticket.appeal().key();
                if (key == null) {
                    creators.add(ticket);
                } else if (claimants.putIfAbsent(key.id(), ticket) != null) {
                    followers.add(ticket);
                }
            }
            Map<NewAppeal.ClaimedKey, AppealTable.EarlierClaim> resolved = new HashMap<>();
            if (!claimants.isEmpty()) {
                Set<NewAppeal.ClaimedKey> claimed = table.claim(connection,
                        claimants.values().stream().map(Ticket::appeal).toList());
                List<NewAppeal.ClaimedKey> taken = claimants.keySet().stream()
                        .filter(key -> !claimed.contains(key)).toList();
                if (!taken.isEmpty()) {
                    resolved.putAll(table.earlierClaims(connection, taken));
                }
                claimants.forEach((key, ticket) -> (claimed.contains(key) ? creators : followers).add(ticket));
            }
            if (!creators.isEmpty()) {
                long[] sequences = table.nextReceiptSequences(connection, creators.size());
                List<AppealTable.Registered> rows = new ArrayList<>(creators.size());
                for (int i = 0; i < creators.size(); i++) {
                    NewAppeal appeal = creators.get(i).appeal();
                    AppealTable.Registered row = new AppealTable.Registered(appeal,
                            ReceiptNumber.of(year, sequences[i]), now, registrationDay);
                    rows.add(row);
                    if (appeal.key() != null) {
                        resolved.put(appeal.key().id(), new AppealTable.EarlierClaim(appeal.key().requestHash(),
                                row.receipt()));
                    }
                    answers.put(creators.get(i), new Answer(new AppealSubmission.Outcome(row.receipt(), true), null));
                }
                table.insert(connection, rows, now, registrationDay);
                for (int i = 0; i < creators.size(); i++) {
                    // each event carries its own request's trace
                    try (Scope ignored = creators.get(i).trace().makeCurrent()) {
                        outbox.record(submittedEvent(rows.get(i)));
                    }
                }
                // the group's events in one statement now, so that a failure there splits the group like any other
                outbox.flush();
            }
            for (Ticket follower : followers) {
                NewAppeal.IdempotencyClaim key = follower.appeal().key();
                AppealTable.EarlierClaim earlier = resolved.get(key.id());
                if (earlier == null) {
                    throw new IllegalStateException("Idempotency key points to a missing appeal");
                }
                answers.put(follower, earlier.requestHash().equals(key.requestHash())
                        ? new Answer(new AppealSubmission.Outcome(earlier.receipt(), false), null)
                        : new Answer(null, keyReused()));
            }
        }
        return answers;
    }

    private static ProblemException keyReused() {
        return new ProblemException(new Problem(Problem.typeUri("idempotency-key-reused"),
                "Idempotency-Key already used for a different request", 422,
                "Send a new Idempotency-Key for a new appeal; reuse a key only to retry the same request.",
                null, List.of(new Problem.FieldError("Idempotency-Key", "reused", "Key bound to another body"))));
    }

    private static AppealEvents.Submitted submittedEvent(AppealTable.Registered row) {
        NewAppeal appeal = row.appeal();
        return new AppealEvents.Submitted(appeal.id(), row.receiptNumber(), appeal.appealType(), appeal.categoryCode(),
                appeal.description(), appeal.language(),
                new AppealEvents.Location(appeal.katoCode(), appeal.latitude(), appeal.longitude(), appeal.addressText()),
                appeal.channel(), appeal.applicantRef(), appeal.anonymousSignal(), appeal.attachments().size(),
                row.registeredAt(), row.registrationDay(), row.registeredAt());
    }
}
