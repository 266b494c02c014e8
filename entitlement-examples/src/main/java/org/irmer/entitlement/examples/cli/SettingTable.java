package org.irmer.entitlement.examples.cli;

import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.irmer.entitlement.adapter.hl7v2.Hl7v2Orders;
import org.irmer.entitlement.core.domain.CareSetting;
import picocli.CommandLine.TypeConversionException;

/**
 * Where an order is made, as {@code entitlement serve} reads it from a setting table file: one
 * mapping a line, three fields separated by white space, {@code #} starting a comment.
 *
 * <pre>
 * # FHIR: system|code of a Location.type, Encounter.class or Encounter.type coding, or
 * # system|value of a Location.identifier (entitlement-adapter-fhir, FhirOrders.Builder#settings)
 * fhir           https://aldermoor.example/fhir/care-setting|ED   ED@HV-GENERAL
 * # HL7 v2: a point of care (PV1-3.1) to a setting
 * hl7-location   MSKCLINIC   MSK_OUTPATIENT@HV-GENERAL
 * # HL7 v2: a patient class (PV1-2.1) to a kind of setting, at the facility PV1-3.4 names
 * hl7-class      E           ED
 * </pre>
 *
 * <p>The HL7 v2 lines make {@link Hl7v2Orders.SettingMapping#table}; the FHIR lines the map of
 * {@code FhirOrders.Builder#settings}. A setting is {@code KIND} or {@code KIND@SITE}.
 */
record SettingTable(ImmutableMap<String, CareSetting> fhir,
    ImmutableMap<String, CareSetting> hl7Locations, ImmutableMap<String, String> hl7Classes) {

  static final SettingTable EMPTY = new SettingTable(ImmutableMap.of(), ImmutableMap.of(),
      ImmutableMap.of());

  /**
   * The table in {@code file}.
   *
   * @throws CliFailure naming the file and line when it cannot be read (66) or a line is not a
   *     mapping (65)
   */
  static SettingTable read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (NoSuchFileException missing) {
      throw new CliFailure(ExitCodes.NO_INPUT, "the setting table " + file + " does not exist");
    } catch (IOException unreadable) {
      throw new CliFailure(ExitCodes.NO_INPUT, "the setting table " + file + " cannot be read: "
          + unreadable.getMessage());
    }
    Map<String, CareSetting> fhir = new LinkedHashMap<>();
    Map<String, CareSetting> locations = new LinkedHashMap<>();
    Map<String, String> classes = new LinkedHashMap<>();
    for (int number = 1; number <= lines.size(); number++) {
      String line = lines.get(number - 1);
      int comment = line.indexOf('#');
      String content = (comment < 0 ? line : line.substring(0, comment)).strip();
      if (content.isEmpty()) {
        continue;
      }
      String where = file + " line " + number;
      String[] fields = content.split("\\s+");
      if (fields.length != 3) {
        throw CliFailure.data(where + ": expected three fields (fhir, hl7-location or hl7-class;"
            + " the code; the setting), found " + fields.length);
      }
      CareSetting setting;
      try {
        setting = Converters.setting(fields[2]);
      } catch (TypeConversionException | IllegalArgumentException bad) {
        throw CliFailure.data(where + ": " + bad.getMessage());
      }
      boolean duplicate = switch (fields[0]) {
        case "fhir" -> {
          if (!fields[1].contains("|")) {
            throw CliFailure.data(where + ": a FHIR code is written system|code, not " + fields[1]);
          }
          yield fhir.put(fields[1], setting) != null;
        }
        case "hl7-location" -> locations.put(fields[1], setting) != null;
        case "hl7-class" -> {
          if (setting.site().isPresent()) {
            throw CliFailure.data(where + ": a patient class maps to a kind of setting only (the"
                + " site is PV1-3.4's facility), not " + fields[2]);
          }
          yield classes.put(fields[1], setting.kind()) != null;
        }
        default -> throw CliFailure.data(where + ": unknown mapping '" + fields[0]
            + "' (fhir, hl7-location or hl7-class)");
      };
      if (duplicate) {
        throw CliFailure.data(where + ": " + fields[0] + " " + fields[1] + " is mapped twice");
      }
    }
    return new SettingTable(ImmutableMap.copyOf(fhir), ImmutableMap.copyOf(locations),
        ImmutableMap.copyOf(classes));
  }

  Hl7v2Orders.SettingMapping hl7() {
    return Hl7v2Orders.SettingMapping.table(hl7Locations, hl7Classes);
  }
}
