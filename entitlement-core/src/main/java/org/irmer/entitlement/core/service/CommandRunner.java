package org.irmer.entitlement.core.service;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.CommandResult;
import org.irmer.entitlement.core.domain.Refusal;
import org.irmer.entitlement.core.domain.RefusalCode;
import org.irmer.entitlement.core.port.out.AuditTrail;
import org.irmer.entitlement.core.port.out.ConcurrentChangeException;
import org.irmer.entitlement.core.port.out.DuplicateRecordException;
import org.irmer.entitlement.core.port.out.Transactions;

/**
 * Runs every lifecycle command the same way (principle 1; ARCHITECTURE.md flow 2):
 *
 * <ul>
 *   <li>the command's reads, writes and audit record form one unit of work;
 *   <li>an accepted command appends one {@link AuditEvent} with result {@code ACCEPTED}, the
 *       subject's state before and after, and the details its body gave;
 *   <li>a refused command is rolled back, so that whatever its body wrote is undone, and its {@code
 *       REFUSED} audit record is then appended alone, in a transaction of its own, with the
 *       subject's state (unchanged) as both before and after;
 *   <li>a {@link ConcurrentChangeException} from a store, which means someone else changed a record
 *       first, is a refusal with {@code CONCURRENT_CHANGE}, recorded the same way: the caller
 *       re-reads and decides again, and no update is lost;
 *   <li>a {@link DuplicateRecordException}, a new record given an id already taken, is a refusal
 *       with {@code DUPLICATE_ID}, recorded the same way.
 * </ul>
 *
 * <p>Every audit record's causes start with the context's cause, followed by each refusal as {@code
 * CODE: message}. Infrastructure failures ({@code StoreUnavailableException}) propagate unrecorded:
 * nothing can be written then.
 */
final class CommandRunner {

  static final String ACCEPTED = "ACCEPTED";
  static final String REFUSED = "REFUSED";

  private final Transactions transactions;
  private final AuditTrail auditTrail;

  CommandRunner(UnitOfWork work) {
    checkNotNull(work, "work");
    this.transactions = work.transactions();
    this.auditTrail = work.auditTrail();
  }

  /**
   * Runs {@code body} as the command {@code action} on {@code subject} and records it.
   *
   * @param state reads the subject's state as the audit trail shows it (for example {@code ACTIVE
   *     v3}); empty while the subject does not exist. Called first in the unit of work, before
   *     {@code body}, for the state before; a body that acts on what that call read records the
   *     state it acted on
   */
  <T> CommandResult<T> run(
      Action action,
      String subject,
      CommandContext context,
      Supplier<Optional<String>> state,
      Supplier<CommandOutcome<T>> body) {
    try {
      return transactions.inTransaction(
          () -> {
            Optional<String> before = state.get();
            CommandOutcome<T> outcome = body.get();
            if (!outcome.result().isAccepted()) {
              throw new RefusedCommand(outcome.result().refusals());
            }
            auditTrail.append(
                event(
                    action,
                    subject,
                    context,
                    ACCEPTED,
                    ImmutableList.of(),
                    before,
                    state.get(),
                    outcome.details()));
            return outcome.result();
          });
    } catch (RefusedCommand refused) {
      return recordRefusal(action, subject, context, state, refused.refusals);
    } catch (ConcurrentChangeException concurrent) {
      return recordRefusal(
          action,
          subject,
          context,
          state,
          ImmutableList.of(Refusal.of(RefusalCode.CONCURRENT_CHANGE, concurrent.getMessage())));
    } catch (DuplicateRecordException duplicate) {
      return recordRefusal(
          action,
          subject,
          context,
          state,
          ImmutableList.of(Refusal.of(RefusalCode.DUPLICATE_ID, duplicate.getMessage())));
    }
  }

  /**
   * Runs {@code body} as the command {@code action} on {@code subject}, deciding on one read of the
   * subject, and records it: {@code read} is called first in the unit of work, its result's state
   * is the audit record's state before, and {@code body} is given that same result. Read again, it
   * could be a later version committed in between (a database unit of work reads committed data
   * statement by statement), and the record would name a state the command did not act on; a body
   * that saves conditionally on the version it was given turns such a change into {@code
   * CONCURRENT_CHANGE}. The state after, and a refusal's unchanged state, are read afresh.
   *
   * @param state the audit trail's wording of what {@code read} returned; empty while the subject
   *     does not exist
   */
  <R, T> CommandResult<T> run(
      Action action,
      String subject,
      CommandContext context,
      Supplier<R> read,
      Function<R, Optional<String>> state,
      Function<R, CommandOutcome<T>> body) {
    AtomicReference<R> actedOn = new AtomicReference<>();
    return run(
        action,
        subject,
        context,
        () -> {
          R found = read.get();
          actedOn.compareAndSet(null, found);
          return state.apply(found);
        },
        () -> body.apply(actedOn.get()));
  }

  private <T> CommandResult<T> recordRefusal(
      Action action,
      String subject,
      CommandContext context,
      Supplier<Optional<String>> state,
      ImmutableList<Refusal> refusals) {
    transactions.inTransaction(
        () -> {
          Optional<String> unchanged = state.get();
          return auditTrail.append(
              event(
                  action,
                  subject,
                  context,
                  REFUSED,
                  refusals,
                  unchanged,
                  unchanged,
                  ImmutableSortedMap.of()));
        });
    return CommandResult.refused(refusals);
  }

  private static AuditEvent event(
      Action action,
      String subject,
      CommandContext context,
      String result,
      ImmutableList<Refusal> refusals,
      Optional<String> before,
      Optional<String> after,
      ImmutableSortedMap<String, String> details) {
    return AuditEvent.builder()
        .action(action.auditName())
        .actor(context.actor())
        .at(context.at())
        .subject(subject)
        .result(result)
        .addCauses(context.cause())
        .addAllCauses(refusals.stream().map(Refusal::toString).toList())
        .stateBefore(before)
        .stateAfter(after)
        .details(details)
        .build();
  }

  /**
   * Carries a refusal out of the unit of work so that the transaction rolls back whatever the
   * command's body wrote before it refused; never seen outside this class.
   */
  private static final class RefusedCommand extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ImmutableList<Refusal> refusals;

    RefusedCommand(ImmutableList<Refusal> refusals) {
      super("command refused", null, false, false);
      this.refusals = refusals;
    }
  }
}
