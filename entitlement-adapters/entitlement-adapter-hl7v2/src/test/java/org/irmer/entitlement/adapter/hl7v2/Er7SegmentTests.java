package org.irmer.entitlement.adapter.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.adapter.hl7v2.Messages.load;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Structure;
import ca.uhn.hl7v2.util.Terser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Er7SegmentTests {

  private static final String HEADER = "MSH|^~\\&|ICE|RA1-ED|RIS|RA1|202603101000||ORM^O01|C1|P|2.5";

  private static Er7Segment header(String line) {
    return Er7Segment.header(line).orElseThrow();
  }

  @Test
  void headerFieldsAreNumberedFromTheSeparatorItself() {
    Er7Segment msh = header(HEADER);

    assertThat(msh.value(3, 1, 1, 1)).isEqualTo("ICE");
    assertThat(msh.value(9, 1, 2, 1)).isEqualTo("O01");
    assertThat(msh.value(12, 1, 1, 1)).isEqualTo("2.5");
    assertThat(msh.value(2, 1, 1, 1)).as("MSH-2 is never a value").isEmpty();
    assertThat(msh.value(40, 1, 1, 1)).isEmpty();
  }

  @Test
  void aSegmentIsReadByFieldRepetitionComponentAndSubcomponent() {
    Er7Segment obr = header(HEADER).next("OBR|1|PLC1||XANKR^X-ray ankle^NICIP" + "|".repeat(12)
        + "E^NURSE^^^^^^^RA1&x&y" + "|".repeat(5) + "~R1^Reason~R2");

    assertThat(obr.name()).isEqualTo("OBR");
    assertThat(obr.value(4, 1, 3, 1)).isEqualTo("NICIP");
    assertThat(obr.value(16, 1, 9, 2)).isEqualTo("x");
    assertThat(obr.repetitions(21)).isEqualTo(3);
    assertThat(obr.value(21, 2, 1, 1)).isEqualTo("R1");
    assertThat(obr.value(21, 3, 2, 1)).isEmpty();
    assertThat(obr.repetitions(3)).isZero();
    assertThat(obr.repetitions(99)).isZero();
  }

  @Test
  void theMessagesOwnDelimitersAreRead() {
    Er7Segment msh = header("MSH*#!$%*ICE*RA1-ED*RIS*RA1*202603101000**ORM#O01*C1*P*2.5");
    Er7Segment orc = msh.next("ORC*NW*A$F$B#2!X**$S$");

    assertThat(msh.value(9, 1, 2, 1)).isEqualTo("O01");
    assertThat(orc.value(2, 1, 1, 1)).isEqualTo("A*B");
    assertThat(orc.value(2, 1, 2, 1)).isEqualTo("2");
    assertThat(orc.value(2, 2, 1, 1)).isEqualTo("X");
    assertThat(orc.encodedField(2)).as("in the standard delimiters, * and # need no escape")
        .isEqualTo("A*B^2");
    assertThat(orc.encoded()).isEqualTo("ORC|NW|A*B^2~X||#");
  }

  @Test
  void escapesAreUnescapedWhenReadAndEscapedWhenEchoed() {
    Er7Segment pid = header(HEADER).next("PID|1||A\\S\\B\\T\\C\\E\\D\\H\\E||X\\F\\Y");

    assertThat(pid.value(3, 1, 1, 1)).isEqualTo("A^B&C\\DE");
    assertThat(pid.value(5, 1, 1, 1)).isEqualTo("X|Y");
    assertThat(pid.encoded()).isEqualTo("PID|1||A\\S\\B\\T\\C\\E\\DE||X\\F\\Y");
    assertThat(header(HEADER).encoded()).isEqualTo(HEADER);
  }

  @Test
  void aSegmentWithoutAnyValueIsEmpty() {
    assertThat(header(HEADER).next("OBX|||^^~|").isEmpty()).isTrue();
    assertThat(header(HEADER).next("OBX").isEmpty()).isTrue();
    assertThat(header(HEADER).next("OBX||x").isEmpty()).isFalse();
    assertThat(header(HEADER).isEmpty()).isFalse();
  }

  @Test
  void onlyATextStartingWithMshAndASeparatorIsAHeader() {
    assertThat(Er7Segment.header("PID|1||x")).isEmpty();
    assertThat(Er7Segment.header("MSHA^~\\&|x")).isEmpty();
    assertThat(Er7Segment.header("MSH|")).isEmpty();
  }

  /** Every value of every segment of every sample reads as HAPI's own model of it reads. */
  @ParameterizedTest
  @ValueSource(strings = {"orm-o01-2.3.hl7", "orm-o01-2.3.1.hl7", "orm-o01-2.4.hl7",
      "orm-o01-2.4-two-orders.hl7", "orm-o01-2.5.hl7", "orm-o01-2.5.1.hl7", "omi-o23-2.5.hl7",
      "omi-o23-2.5.1.hl7", "omi-o23-2.5.1-two-orders.hl7"})
  void readsEveryValueAsHapisModelDoes(String sample) throws HL7Exception {
    String text = load(sample).replace("\r\n", "\r").replace('\n', '\r').strip();
    Message parsed = new DefaultHapiContext().getPipeParser().parse(text);
    List<Segment> modelled = new ArrayList<>();
    flatten(parsed, modelled);
    String[] lines = text.split("\r");
    Er7Segment msh = header(lines[0]);

    assertThat(modelled).hasSize(lines.length);
    int compared = 0;
    for (int s = 0; s < lines.length; s++) {
      Segment segment = modelled.get(s);
      Er7Segment read = s == 0 ? msh : msh.next(lines[s]);
      assertThat(read.name()).isEqualTo(segment.getName());
      for (int field = segment.getName().equals("MSH") ? 3 : 1; field <= segment.numFields();
          field++) {
        int repetitions = segment.getField(field).length;
        assertThat(read.repetitions(field)).as("%s-%s repetitions", read.name(), field)
            .isEqualTo(repetitions);
        for (int repetition = 1; repetition <= repetitions; repetition++) {
          for (int component = 1; component <= 6; component++) {
            for (int subcomponent = 1; subcomponent <= 2; subcomponent++) {
              String hapi = Terser.get(segment, field, repetition - 1, component, subcomponent);
              assertThat(read.value(field, repetition, component, subcomponent))
                  .as("%s-%s(%s).%s.%s", read.name(), field, repetition, component, subcomponent)
                  .isEqualTo(hapi == null ? "" : hapi.strip());
              compared++;
            }
          }
        }
      }
    }
    assertThat(compared).isGreaterThan(100);
  }

  private static void flatten(Group group, List<Segment> out) throws HL7Exception {
    for (String name : group.getNames()) {
      for (Structure structure : group.getAll(name)) {
        if (structure instanceof Group child) {
          flatten(child, out);
        } else if (structure instanceof Segment segment && !segment.isEmpty()) {
          out.add(segment);
        }
      }
    }
  }
}
