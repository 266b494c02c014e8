package org.irmer.entitlement.core.port.out;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import org.irmer.entitlement.core.domain.AgreementId;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.PersonId;

/**
 * One committed change to the register, as the {@link ChangeFeed} carries it: its place in the feed
 * ({@code sequence}, from 1, increasing in commit order), what kind of record changed and which
 * one ({@code subject}: a person, employer or agreement id; {@code *} for the catalogue and the
 * guidelines).
 */
public record RegisterChange(long sequence, ChangeKind kind, String subject) {

  /** The subject of changes to the whole catalogue or the whole guideline set. */
  public static final String EVERYTHING = "*";

  public RegisterChange {
    checkArgument(sequence >= 1, "sequence must be at least 1: %s", sequence);
    checkNotNull(kind, "kind");
    checkArgument(subject != null && !subject.isBlank(), "subject must not be blank");
  }

  /** A change not yet published: the feed gives it its sequence. */
  public record Pending(ChangeKind kind, String subject) {

    public Pending {
      checkNotNull(kind, "kind");
      checkArgument(subject != null && !subject.isBlank(), "subject must not be blank");
    }

    public static Pending person(PersonId person) {
      return new Pending(ChangeKind.PERSON, person.value());
    }

    public static Pending employer(EmployerId employer) {
      return new Pending(ChangeKind.EMPLOYER, employer.value());
    }

    public static Pending procedures(EmployerId employer) {
      return new Pending(ChangeKind.PROCEDURES, employer.value());
    }

    public static Pending groupEntitlement(EmployerId employer) {
      return new Pending(ChangeKind.GROUP_ENTITLEMENT, employer.value());
    }

    public static Pending agreement(AgreementId agreement) {
      return new Pending(ChangeKind.AGREEMENT, agreement.value());
    }

    public static Pending delegation(EmployerId employer) {
      return new Pending(ChangeKind.DELEGATION, employer.value());
    }

    public static Pending catalogue() {
      return new Pending(ChangeKind.CATALOGUE, EVERYTHING);
    }

    public static Pending guidelines() {
      return new Pending(ChangeKind.GUIDELINES, EVERYTHING);
    }

    /** This change at {@code sequence} in the feed. */
    public RegisterChange at(long sequence) {
      return new RegisterChange(sequence, kind, subject);
    }
  }
}
