package org.irmer.entitlement.examples.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.ApplicationId;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.RoleId;
import org.irmer.entitlement.core.domain.SiteId;
import org.irmer.entitlement.core.domain.TrainingType;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * How arguments become domain values. A value of the wrong form is a usage error naming the option
 * and the form expected; nothing half-parsed reaches the register.
 */
final class Converters {

  private Converters() {}

  static void registerOn(CommandLine line) {
    line.registerConverter(Instant.class, Converters::instant);
    line.registerConverter(LocalDate.class, Converters::date);
    line.registerConverter(Actor.class, Converters::actor);
    line.registerConverter(CareSetting.class, Converters::setting);
    line.registerConverter(PersonId.class, code(PersonId::of, "person id"));
    line.registerConverter(EmployerId.class, code(EmployerId::of, "employer id"));
    line.registerConverter(EntitlementId.class, code(EntitlementId::of, "entitlement id"));
    line.registerConverter(ApplicationId.class, code(ApplicationId::of, "application id"));
    line.registerConverter(RoleId.class, code(RoleId::of, "role id"));
    line.registerConverter(ExaminationCode.class, code(ExaminationCode::of, "examination code"));
    line.registerConverter(IndicationCode.class, code(IndicationCode::of, "indication code"));
    line.registerConverter(BodyRegion.class, code(value -> BodyRegion.of(value.toUpperCase(java.util.Locale.ROOT)), "body region"));
    line.registerConverter(TrainingType.class, code(TrainingType::of, "training type"));
    line.registerConverter(ClinicalInformationItem.class,
        code(value -> ClinicalInformationItem.of(value.toUpperCase(java.util.Locale.ROOT)), "clinical information item"));
  }

  /** An instant: {@code 2026-03-16T10:30:00Z}, or with an offset, {@code 2026-03-16T10:30:00+01:00}. */
  static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException notUtc) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException notOffset) {
        throw new TypeConversionException("'" + text + "' is not an instant: write it as"
            + " 2026-03-16T10:30:00Z (UTC) or 2026-03-16T10:30:00+01:00 (with its offset)");
      }
    }
  }

  static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException malformed) {
      throw new TypeConversionException("'" + text + "' is not a date: write it as 2026-03-16");
    }
  }

  /** A person id ({@code HV-0001}), or {@code system:<component>} for a part of the system. */
  static Actor actor(String text) {
    if (text.startsWith("system:")) {
      return Actor.system(checked(text.substring("system:".length()), "system component"));
    }
    return Actor.person(PersonId.of(checked(text, "person id")));
  }

  /** A kind of setting ({@code ED}), or a kind at a site ({@code MIU@HV-COMMUNITY}). */
  static CareSetting setting(String text) {
    int at = text.indexOf('@');
    if (at < 0) {
      return CareSetting.of(checked(text, "setting"));
    }
    return CareSetting.at(checked(text.substring(0, at), "setting"),
        SiteId.of(checked(text.substring(at + 1), "site")));
  }

  private static String checked(String value, String what) {
    if (value.isBlank() || !value.strip().equals(value)) {
      throw new TypeConversionException("'" + value + "' is not a " + what
          + ": it is empty or has spaces around it");
    }
    return value;
  }

  private static <T> ITypeConverter<T> code(java.util.function.Function<String, T> of, String what) {
    return text -> {
      try {
        return of.apply(checked(text, what));
      } catch (IllegalArgumentException bad) {
        throw new TypeConversionException("'" + text + "' is not a " + what + ": " + bad.getMessage());
      }
    };
  }
}
