package io.gatehouse.web.audit;

import io.gatehouse.core.audit.AuditEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The audit trail of issued credentials (AssumeRole, GetSessionToken, GetFederationToken). Issuing
 * changes nothing, so its event need not share a transaction with a change: events wait in a
 * bounded queue and are written in batches, a few times a second, in a transaction of their own
 * (AWS's CloudTrail delivers within minutes). A request never waits for the database unless the
 * queue is full; then it writes its own event, so nothing is dropped. Events still queued when the
 * server stops are written first.
 */
@ApplicationScoped
public class IssuanceAudit {

    private static final Logger LOG = Logger.getLogger(IssuanceAudit.class.getName());
    static final int QUEUE_CAPACITY = 20_000;
    static final int BATCH = 500;
    static final long INTERVAL_MILLIS = 200;

    private final BlockingQueue<AuditEvent> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);

    @Inject
    AuditBatchWriter writer;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> flushing;

    @PostConstruct
    void start() {
        flushing = scheduler.scheduleWithFixedDelay(this::flushSafely, INTERVAL_MILLIS, INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        flushing.cancel(false);
        flush();
    }

    public void record(AuditEvent event) {
        if (!queue.offer(event)) {
            writer.write(List.of(event));
        }
    }

    /** Writes every queued event, in batches; returns how many. */
    int flush() {
        int written = 0;
        List<AuditEvent> batch = new ArrayList<>(BATCH);
        while (queue.drainTo(batch, BATCH) > 0) {
            try {
                writer.write(batch);
                written += batch.size();
            } catch (RuntimeException e) {
                // Put the batch back for the next round rather than lose it (the database may be restarting).
                long kept = batch.stream().filter(queue::offer).count();
                if (kept < batch.size()) {
                    LOG.severe("Issued-credential audit queue full while the database is failing: "
                            + (batch.size() - kept) + " events could not be kept");
                }
                throw e;
            }
            batch.clear();
        }
        return written;
    }

    private void flushSafely() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not write issued-credential audit events yet; will retry", e);
        }
    }
}
