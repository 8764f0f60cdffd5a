package org.keepalive4j.agentx;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded FIFO whose {@link #add} never waits for room: when full, the new element takes the place of
 * the oldest. One short lock per call (a full ArrayBlockingQueue needs three: offer, poll, offer) keeps
 * the producer's cost flat however long the consumer is stalled. Counts what it accepted and dropped.
 */
final class DropOldestQueue<T> {

    private final Object[] ring;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    /** Guarded by lock. */
    private int head;
    private int size;
    private long added;
    private long dropped;

    DropOldestQueue(int capacity) {
        ring = new Object[capacity];
    }

    /** Appends; when full, the oldest element is discarded to make room. */
    void add(T element) {
        lock.lock();
        try {
            added++;
            if (size == ring.length) {
                // the tail slot of a full ring is the head: overwrite the oldest and move the head past it
                ring[head] = element;
                head = (head + 1) % ring.length;
                dropped++;
            } else {
                ring[(head + size) % ring.length] = element;
                size++;
            }
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Removes the oldest element, waiting up to the timeout for one; null when none came. */
    T poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (size == 0) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            @SuppressWarnings("unchecked")
            T element = (T) ring[head];
            ring[head] = null;
            head = (head + 1) % ring.length;
            size--;
            return element;
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }

    int capacity() {
        return ring.length;
    }

    long added() {
        lock.lock();
        try {
            return added;
        } finally {
            lock.unlock();
        }
    }

    long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }
}
