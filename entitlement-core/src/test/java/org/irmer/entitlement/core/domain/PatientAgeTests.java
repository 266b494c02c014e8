package org.irmer.entitlement.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Age in completed years on the local date of a request, with {@link java.time.Period} semantics
 * (DOMAIN.md section 5, rule 2): a birthday is reached on its day, and a person born on
 * 29 February has their birthday on 1 March in other years.
 */
class PatientAgeTests {

  @ParameterizedTest(name = "born {0}, on {1}: {2}")
  @CsvSource({
      "2008-03-10, 2026-03-09, 17",
      "2008-03-10, 2026-03-10, 18",
      "2008-03-10, 2026-03-11, 18",
      "2026-03-10, 2026-03-10, 0",
      "2025-03-10, 2026-03-09, 0",
      "2025-03-10, 2026-03-10, 1",
      "2007-12-31, 2025-12-31, 18",
      "2008-01-01, 2025-12-31, 17",
  })
  void countsCompletedYearsReachingTheNextOnTheBirthdayItself(LocalDate born, LocalDate on,
      int age) {
    assertThat(Patient.ageOn(born, on)).isEqualTo(age);
  }

  @ParameterizedTest(name = "born 2008-02-29, on {0}: {1}")
  @CsvSource({
      "2026-02-28, 17",
      "2026-03-01, 18",
      "2028-02-28, 19",
      "2028-02-29, 20",
      "2009-02-28, 0",
      "2009-03-01, 1",
  })
  void someoneBornOnTheTwentyNinthOfFebruaryHasTheirBirthdayOnTheFirstOfMarchInOtherYears(
      LocalDate on, int age) {
    assertThat(Patient.ageOn(LocalDate.of(2008, 2, 29), on)).isEqualTo(age);
  }

  @ParameterizedTest(name = "born {0}, on {1}: {2}")
  @CsvSource({
      "2026-03-11, 2026-03-10, 0",
      "2027-03-10, 2026-03-10, -1",
  })
  void aBirthDateAfterTheDateGivesNoPositiveAge(LocalDate born, LocalDate on, int age) {
    assertThat(Patient.ageOn(born, on)).isEqualTo(age);
  }
}
