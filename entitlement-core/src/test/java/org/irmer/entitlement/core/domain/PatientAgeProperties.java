package org.irmer.entitlement.core.domain;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Properties of {@link Patient#ageOn} for all birth dates between 1900 and 2100. */
class PatientAgeProperties {

  private static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
  private static final Gen<LocalDate> DATES =
      integers().between(0, 73_000).map(days -> FIRST.plusDays(days));
  private static final Gen<Integer> YEARS = integers().between(0, 120);
  private static final MonthDay LEAP_DAY = MonthDay.of(2, 29);
  /** Birth dates other than 29 February, whose birthday falls on the same day every year. */
  private static final Gen<LocalDate> ORDINARY_BIRTHS =
      DATES.map(date -> MonthDay.from(date).equals(LEAP_DAY) ? date.minusDays(1) : date);

  @Test
  void isTheNumberOfYearsOnEveryBirthdayAndOneLessTheDayBefore() {
    qt().forAll(ORDINARY_BIRTHS, YEARS).check((born, years) -> Patient.ageOn(born, born.plusYears(years)) == years
            && (years == 0 || Patient.ageOn(born, born.plusYears(years).minusDays(1)) == years - 1));
  }

  @Test
  void neverFallsAsTheDateAdvances() {
    qt().forAll(DATES, integers().between(0, 50_000), integers().between(0, 400))
        .check((born, after, more) -> Patient.ageOn(born, born.plusDays(after))
            <= Patient.ageOn(born, born.plusDays(after + more)));
  }

  @Test
  void reachesEachYearOfALeapDayBirthOnTheFirstOfMarchUnlessTheYearIsLeap() {
    Gen<LocalDate> leapDays = integers().between(0, 48).map(n -> LocalDate.of(1904 + 4 * n, 2, 29));
    qt().forAll(leapDays, integers().between(1, 120)).check((born, years) -> {
      int year = born.getYear() + years;
      LocalDate birthday = Year.isLeap(year) ? LocalDate.of(year, 2, 29) : LocalDate.of(year, 3, 1);
      return Patient.ageOn(born, birthday) == years
          && Patient.ageOn(born, birthday.minusDays(1)) == years - 1;
    });
  }
}
