package org.irmer.entitlement.rules.compiled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.PregnancyStatus;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.Sex;
import org.irmer.entitlement.core.domain.SiteId;
import org.irmer.entitlement.core.domain.Urgency;
import org.irmer.entitlement.testkit.RegisterGenerators;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The compiled forms keep what they are given: packed request facts read back as packed, and the
 * referrer table answers as a map would through any sequence of copy-on-write changes.
 */
class CompiledFormProperties {

  private static final List<String> KINDS = List.of("ED", "WARD", "GP_PRACTICE");
  private static final List<SiteId> SITES = List.of(SiteId.of("S1"), SiteId.of("S2"));
  private static final List<IndicationCode> INDICATIONS =
      List.of(IndicationCode.of("BACK_PAIN"), IndicationCode.of("HEAD_INJURY"));

  @Test
  void packedFactsReadBackAsTheyWerePacked() {
    Symbols.Builder numbering = Symbols.EMPTY.toBuilder();
    numbering.settingKind(KINDS.get(0));
    numbering.settingKind(KINDS.get(1));
    numbering.site(SITES.get(0));
    numbering.indication(INDICATIONS.get(0));
    Symbols symbols = numbering.build();
    Gen<Integer> ages = integers().between(-1, Facts.MAX_AGE);
    Gen<Integer> choices = integers().between(0, 11);
    qt().forAll(ages, choices, choices, Generate.enumValues(Urgency.class))
        .checkAssert((age, setting, other, urgency) -> {
          CareSetting care = setting == 0 ? null
              : setting % 2 == 0 ? CareSetting.of(KINDS.get(setting % KINDS.size()))
              : CareSetting.at(KINDS.get(setting % KINDS.size()), SITES.get(setting % SITES.size()));
          IndicationCode indication = other % 3 == 0 ? null : INDICATIONS.get(other % INDICATIONS.size());
          PregnancyStatus pregnancy = PregnancyStatus.values()[other % PregnancyStatus.values().length];
          ReferralRequest request = request(care, indication, pregnancy, urgency);
          boolean contrast = other % 2 == 0;

          long facts = Facts.of(request, request.patientOrNull(), age, contrast, symbols);

          assertThat(Facts.age(facts)).isEqualTo(age);
          assertThat(Facts.mayBePregnant(facts)).isEqualTo(pregnancy.mayBePregnant());
          assertThat(Facts.contrast(facts)).isEqualTo(contrast);
          assertThat(Facts.urgency(facts)).isEqualTo(urgency.ordinal());
          assertThat(Facts.settingKind(facts)).isEqualTo(care == null ? Symbols.ABSENT : symbols.settingKind(care.kind()));
          assertThat(Facts.site(facts)).isEqualTo(care == null || care.site().isEmpty()
              ? Symbols.ABSENT : symbols.site(care.site().get()));
          assertThat(Facts.indication(facts))
              .isEqualTo(indication == null ? Symbols.ABSENT : symbols.indication(indication));
        });
  }

  @Test
  void theReferrerTableAnswersAsAMapThroughAnySequenceOfChanges() {
    Gen<List<Person>> pools = lists().of(RegisterGenerators.people()).ofSizeBetween(1, 40);
    qt().withExamples(200).forAll(pools, lists().of(integers().between(0, 79)).ofSizeBetween(0, 120))
        .checkAssert((pool, changes) -> {
          Map<PersonId, ReferrerSlice> model = new HashMap<>();
          ReferrerTable table = ReferrerTable.of(List.of(), 0);
          for (int change : changes) {
            Person person = pool.get(change % pool.size());
            ReferrerSlice slice = change >= 40 ? null : slice(person);
            table = table.with(person.id(), slice);
            if (slice == null) {
              model.remove(person.id());
            } else {
              model.put(person.id(), slice);
            }
          }
          assertThat(table.size()).isEqualTo(model.size());
          for (Person person : pool) {
            assertThat(table.get(person.id())).isSameAs(model.get(person.id()));
            assertThat(table.get(PersonId.of(String.valueOf(person.id().value().toCharArray()))))
                .as("found by an equal id that is not the same object").isSameAs(model.get(person.id()));
          }
          ReferrerTable rebuilt = ReferrerTable.of(model.values(), model.size());
          model.forEach((id, slice) -> assertThat(rebuilt.get(id)).isSameAs(slice));
        });
  }

  /** A slice whose program has no entitlements, training, roles or groups: the header, the id, empty sections. */
  private static ReferrerSlice slice(Person person) {
    Program.Writer program = new Program.Writer();
    String id = person.id().value();
    int end = Program.ID + id.length();
    program.add(0);
    program.add(end);
    program.add(end + 1);
    program.add(0);
    program.add(end);
    program.add(id.length());
    id.chars().forEach(program::add);
    program.add(0);
    program.add(0);
    program.add(0);
    program.add(0);
    program.add(0);
    return new ReferrerSlice(person, ImmutableList.of(), ImmutableList.of(), ImmutableList.of(),
        program.toArray(), new Entitlement[0], new Verdict[0]);
  }

  private static ReferralRequest request(CareSetting setting, IndicationCode indication,
      PregnancyStatus pregnancy, Urgency urgency) {
    ReferralRequest.Builder request = ReferralRequest.builder()
        .referrer(PersonId.of("P1"))
        .employer(EmployerId.of("RA1"))
        .examination(ExaminationCode.of("XANKR"))
        .patient(Patient.builder().birthDate(LocalDate.of(1990, 1, 1)).sex(Sex.FEMALE)
            .pregnancy(pregnancy).build())
        .urgency(urgency)
        .requestedAt(Instant.parse("2026-03-10T10:00:00Z"));
    if (setting != null) {
      request.setting(setting);
    }
    if (indication != null) {
      request.indication(indication);
    }
    return request.build();
  }
}
