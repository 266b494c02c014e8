package org.irmer.entitlement.testkit;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.ClinicalInformationRequirement;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.out.ExaminationCatalogue;

/**
 * Where and when the requests of {@link RequestGenerators} are made: by which referrer, to which
 * imaging employer (and so in which zone), from which examination catalogue, between which
 * instants, and which clinical information the employer's procedures require.
 *
 * @param referrer the person every request names as referrer
 * @param employer the imaging employer every request names
 * @param zone the employer's zone, in which ages and dates are reckoned
 * @param catalogue the examinations requests name
 * @param from the first instant a request may be made, inclusive
 * @param to the last instant a request may be made, inclusive
 * @param clinicalInformation what the procedures require each request to carry
 */
public record RequestTarget(
    PersonId referrer,
    EmployerId employer,
    ZoneId zone,
    ExaminationCatalogue catalogue,
    Instant from,
    Instant to,
    ImmutableList<ClinicalInformationRequirement> clinicalInformation) {

  /**
   * The clinical information required by procedures that leave it at its default, read from {@link
   * WrittenProcedures} itself so that the two cannot drift apart.
   */
  private static final ImmutableList<ClinicalInformationRequirement> DEFAULT_INFORMATION =
      WrittenProcedures.builder()
          .employer(EmployerId.of("DEFAULTS"))
          .version(1)
          .effectiveFrom(LocalDate.EPOCH)
          .build()
          .clinicalInformation();

  /** Checks every argument; {@code to} must not be before {@code from}. */
  public RequestTarget {
    checkNotNull(referrer, "referrer");
    checkNotNull(employer, "employer");
    checkNotNull(zone, "zone");
    checkNotNull(catalogue, "catalogue");
    checkNotNull(from, "from");
    checkNotNull(to, "to");
    checkArgument(!to.isBefore(from), "the window ends (%s) before it starts (%s)", to, from);
    clinicalInformation = ImmutableList.copyOf(clinicalInformation);
  }

  /**
   * Requests by {@code referrer} to {@code employer}, in its zone, between {@link
   * DomainGenerators#EARLIEST_INSTANT} and {@link DomainGenerators#LATEST_INSTANT}, under the
   * default clinical information requirements of {@link WrittenProcedures}.
   */
  public static RequestTarget of(
      PersonId referrer, Employer employer, ExaminationCatalogue catalogue) {
    return of(referrer, employer.id(), employer.zone(), catalogue);
  }

  /**
   * As {@link #of(PersonId, Employer, ExaminationCatalogue)}, for an employer known by id and zone.
   */
  public static RequestTarget of(
      PersonId referrer, EmployerId employer, ZoneId zone, ExaminationCatalogue catalogue) {
    return new RequestTarget(
        referrer,
        employer,
        zone,
        catalogue,
        DomainGenerators.EARLIEST_INSTANT,
        DomainGenerators.LATEST_INSTANT,
        DEFAULT_INFORMATION);
  }

  /** The same target, with requests made between {@code first} and {@code last} inclusive. */
  public RequestTarget between(Instant first, Instant last) {
    return new RequestTarget(referrer, employer, zone, catalogue, first, last, clinicalInformation);
  }

  /** The same target, with the clinical information {@code procedures} require. */
  public RequestTarget withProcedures(WrittenProcedures procedures) {
    return new RequestTarget(
        referrer, employer, zone, catalogue, from, to, procedures.clinicalInformation());
  }

  /** The items a request for {@code modality}, with or without contrast, must carry. */
  public ImmutableSet<ClinicalInformationItem> requiredInformation(
      Modality modality, boolean contrast) {
    return clinicalInformation.stream()
        .filter(requirement -> requirement.appliesTo(modality, contrast))
        .map(ClinicalInformationRequirement::item)
        .collect(ImmutableSet.toImmutableSet());
  }
}
