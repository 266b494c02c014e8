package org.irmer.entitlement.core.domain;

/**
 * A node of the body-region tree (for example {@code KNEE} under {@code LOWER_LIMB}). A scope rule
 * that includes a region includes its descendants; see {@link BodyRegionTree}.
 */
public record BodyRegion(String code) implements Comparable<BodyRegion> {

  public static final BodyRegion WHOLE_BODY = new BodyRegion("WHOLE_BODY");
  public static final BodyRegion HEAD = new BodyRegion("HEAD");
  public static final BodyRegion NECK = new BodyRegion("NECK");
  public static final BodyRegion SPINE = new BodyRegion("SPINE");
  public static final BodyRegion CERVICAL_SPINE = new BodyRegion("CERVICAL_SPINE");
  public static final BodyRegion THORACIC_SPINE = new BodyRegion("THORACIC_SPINE");
  public static final BodyRegion LUMBAR_SPINE = new BodyRegion("LUMBAR_SPINE");
  public static final BodyRegion SACRUM_COCCYX = new BodyRegion("SACRUM_COCCYX");
  public static final BodyRegion CHEST = new BodyRegion("CHEST");
  public static final BodyRegion BREAST = new BodyRegion("BREAST");
  public static final BodyRegion ABDOMEN = new BodyRegion("ABDOMEN");
  public static final BodyRegion PELVIS = new BodyRegion("PELVIS");
  public static final BodyRegion UPPER_LIMB = new BodyRegion("UPPER_LIMB");
  public static final BodyRegion SHOULDER = new BodyRegion("SHOULDER");
  public static final BodyRegion HUMERUS = new BodyRegion("HUMERUS");
  public static final BodyRegion ELBOW = new BodyRegion("ELBOW");
  public static final BodyRegion FOREARM = new BodyRegion("FOREARM");
  public static final BodyRegion WRIST = new BodyRegion("WRIST");
  public static final BodyRegion HAND = new BodyRegion("HAND");
  public static final BodyRegion FINGER = new BodyRegion("FINGER");
  public static final BodyRegion LOWER_LIMB = new BodyRegion("LOWER_LIMB");
  public static final BodyRegion HIP = new BodyRegion("HIP");
  public static final BodyRegion FEMUR = new BodyRegion("FEMUR");
  public static final BodyRegion KNEE = new BodyRegion("KNEE");
  public static final BodyRegion LOWER_LEG = new BodyRegion("LOWER_LEG");
  public static final BodyRegion ANKLE = new BodyRegion("ANKLE");
  public static final BodyRegion FOOT = new BodyRegion("FOOT");
  public static final BodyRegion TOE = new BodyRegion("TOE");

  public BodyRegion {
    Codes.check(code, "BodyRegion");
  }

  public static BodyRegion of(String code) {
    return new BodyRegion(code);
  }

  /** The code in lower case with spaces, for plain-English messages ({@code lumbar spine}). */
  public String displayName() {
    return code.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  @Override
  public int compareTo(BodyRegion other) {
    return code.compareTo(other.code);
  }

  @Override
  public String toString() {
    return code;
  }
}
