package org.irmer.entitlement.adapter.json.log;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.Urgency;

/**
 * The text values of a request by column, as {@link RowDecoder} reads them back to an equal
 * request: an absent value is null; a patient is written with its sex (even {@code UNKNOWN}) so
 * that a patient with nothing else known stays present; urgency {@code ROUTINE} and contrast
 * {@code false}, the defaults, are left empty; instants are written in UTC.
 */
final class RowEncoder {

  private RowEncoder() {}

  /** The values of {@code request} by {@link LogColumn#ordinal()}, null for absent. */
  static String[] encode(ReferralRequest request) {
    String[] values = new String[LogColumn.count()];
    values[LogColumn.REFERRER.ordinal()] = request.referrer().value();
    values[LogColumn.EMPLOYER.ordinal()] = request.employer().value();
    values[LogColumn.EXAM.ordinal()] = request.examination().value();
    request.patient().ifPresent(patient -> encode(patient, values));
    request.setting().ifPresent(setting -> values[LogColumn.SETTING.ordinal()] = setting.toString());
    request.indication()
        .ifPresent(indication -> values[LogColumn.INDICATION.ordinal()] = indication.value());
    if (!request.clinicalInformation().isEmpty()) {
      values[LogColumn.INFO.ordinal()] = String.join(String.valueOf(LogColumn.INFO_SEPARATOR),
          items(request));
    }
    if (request.urgency() != Urgency.ROUTINE) {
      values[LogColumn.URGENCY.ordinal()] = request.urgency().name();
    }
    if (request.contrast()) {
      values[LogColumn.CONTRAST.ordinal()] = "true";
    }
    values[LogColumn.AT.ordinal()] = request.requestedAt().toString();
    request.orderId().ifPresent(order -> {
      checkArgument(!order.isEmpty(), "an order id must not be empty: a log reads it as absent");
      values[LogColumn.ORDER.ordinal()] = order;
    });
    request.origin().ifPresent(origin -> {
      values[LogColumn.CHANNEL.ordinal()] = origin.channel();
      origin.reference().ifPresent(reference -> values[LogColumn.REFERENCE.ordinal()] = reference);
      origin.client().ifPresent(client -> values[LogColumn.CLIENT.ordinal()] = client);
    });
    return values;
  }

  /** The clinical information items, in the request's order. */
  static List<String> items(ReferralRequest request) {
    List<String> items = new ArrayList<>(request.clinicalInformation().size());
    for (ClinicalInformationItem item : request.clinicalInformation()) {
      checkArgument(item.code().indexOf(LogColumn.INFO_SEPARATOR) < 0,
          "clinical information item '%s' holds the separator ';' a log cannot carry", item);
      items.add(item.code());
    }
    return items;
  }

  private static void encode(Patient patient, String[] values) {
    patient.birthDate().ifPresent(date -> values[LogColumn.BIRTH_DATE.ordinal()] = date.toString());
    values[LogColumn.SEX.ordinal()] = patient.sex().name();
    patient.pregnancy()
        .ifPresent(status -> values[LogColumn.PREGNANCY.ordinal()] = status.name());
  }
}
