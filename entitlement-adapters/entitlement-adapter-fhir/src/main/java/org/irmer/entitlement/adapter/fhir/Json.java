package org.irmer.entitlement.adapter.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.irmer.entitlement.adapter.fhir.FhirOrders.FhirMappingException;
import org.irmer.entitlement.adapter.fhir.FhirOrders.Problem;

/**
 * JSON through the shared context. Parsers are cheap and not thread-safe, so each call makes its
 * own. Unknown elements are tolerated (real systems send extensions and newer elements); a value
 * that is not valid for its type, or text that is not a resource, is refused as a {@link
 * FhirMappingException}, so no HAPI exception leaves the adapter.
 */
final class Json {

  private final FhirContext context;

  Json(FhirContext context) {
    this.context = context;
  }

  <T extends IBaseResource> T parse(Class<T> type, String text, String location) {
    try {
      return parser().parseResource(type, text);
    } catch (DataFormatException | IllegalArgumentException | IllegalStateException
        | ClassCastException e) {
      throw new FhirMappingException(List.of(new Problem(location,
          "is not a readable FHIR R4 " + type.getSimpleName() + " in JSON: " + message(e))), e);
    }
  }

  IBaseResource parse(String text, String location) {
    try {
      return parser().parseResource(text);
    } catch (DataFormatException | IllegalArgumentException | IllegalStateException
        | ClassCastException e) {
      throw new FhirMappingException(List.of(new Problem(location,
          "is not a readable FHIR R4 resource in JSON: " + message(e))), e);
    }
  }

  String encode(IBaseResource resource) {
    return context.newJsonParser().encodeResourceToString(resource);
  }

  private IParser parser() {
    return context.newJsonParser()
        .setParserErrorHandler(new LenientErrorHandler(false).setErrorOnInvalidValue(true))
        .setOverrideResourceIdWithBundleEntryFullUrl(false);
  }

  /** HAPI prefixes its messages with a code such as {@code HAPI-1861: }; the rest is kept. */
  private static String message(RuntimeException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.replaceFirst("^HAPI-\\d+: ", "");
  }
}
