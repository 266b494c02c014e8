package org.irmer.entitlement.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.irmer.entitlement.core.port.out.ConcurrentChangeException;
import org.jspecify.annotations.Nullable;

/**
 * Runs tasks on as many threads, released together so that they really race. A task that does not
 * finish within the time limit fails the test rather than hanging the build.
 */
final class Concurrently {

  private static final long TIME_LIMIT_SECONDS = 30;

  private Concurrently() {}

  /** What one task did: returned a value or threw. */
  record Outcome<T>(@Nullable T value, @Nullable Throwable failure) {

    boolean succeeded() {
      return failure == null;
    }
  }

  /** Runs every task at once and returns their outcomes in task order. */
  static <T> ImmutableList<Outcome<T>> run(List<Callable<T>> tasks) {
    ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
    CountDownLatch ready = new CountDownLatch(tasks.size());
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(threads.submit(() -> {
          ready.countDown();
          go.await();
          return task.call();
        }));
      }
      ready.await(TIME_LIMIT_SECONDS, TimeUnit.SECONDS);
      go.countDown();
      ImmutableList.Builder<Outcome<T>> outcomes = ImmutableList.builder();
      for (Future<T> future : futures) {
        outcomes.add(outcomeOf(future));
      }
      return outcomes.build();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while tasks were racing", interrupted);
    } finally {
      threads.shutdownNow();
    }
  }

  /** Runs {@code times} copies of {@code task}, each given its index, and returns their outcomes. */
  static <T> ImmutableList<Outcome<T>> run(int times, IndexedTask<T> task) {
    List<Callable<T>> tasks = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      int index = i;
      tasks.add(() -> task.call(index));
    }
    return run(tasks);
  }

  /**
   * Asserts that exactly one task succeeded and every other one was refused with a
   * {@link ConcurrentChangeException}; returns what the one that succeeded returned.
   */
  static <T> T onlyWinner(List<Outcome<T>> outcomes) {
    return onlyWinner(outcomes, ConcurrentChangeException.class);
  }

  /**
   * Asserts that exactly one task succeeded and every other one was refused with {@code
   * refusal}; returns what the one that succeeded returned.
   */
  static <T> T onlyWinner(List<Outcome<T>> outcomes, Class<? extends Exception> refusal) {
    List<Outcome<T>> winners = outcomes.stream().filter(Outcome::succeeded).toList();
    assertThat(winners).as("racing writes that succeeded").hasSize(1);
    for (Outcome<T> outcome : outcomes) {
      if (!outcome.succeeded()) {
        assertThat(outcome.failure()).as("how a losing write was refused")
            .isInstanceOf(refusal);
      }
    }
    return winners.get(0).value();
  }

  /** A task that knows which of the racing copies it is. */
  @FunctionalInterface
  interface IndexedTask<T> {
    T call(int index) throws Exception;
  }

  private static <T> Outcome<T> outcomeOf(Future<T> future) throws InterruptedException {
    try {
      return new Outcome<>(future.get(TIME_LIMIT_SECONDS, TimeUnit.SECONDS), null);
    } catch (ExecutionException failed) {
      return new Outcome<>(null, failed.getCause());
    } catch (TimeoutException stuck) {
      throw new AssertionError("a racing task did not finish within " + TIME_LIMIT_SECONDS
          + " s: a deadlock or a lock that is never released", stuck);
    }
  }
}
