package org.irmer.entitlement.adapter.json;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.Delegation;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.GuidelineEntry;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.SharedResponsibilityAgreement;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.out.EntitlementException;
import org.irmer.entitlement.core.port.out.Register;

/**
 * The entitlement register as files: employers and their written procedures (principle 8),
 * delegations (principle 1), people with their registrations, roles, entitlements with their
 * written scopes (principle 3), training (principle 4), shared-responsibility agreements (IR(ME)R
 * 2024 amendment), the examination catalogue and body-region tree, referral guidelines (principle
 * 7) and the regulators' register entries the registration lookup answers with. The one public
 * entry point of this adapter; FORMAT.md in the module describes every file and member, and the
 * JSON Schema {@value #SCHEMA_RESOURCE} checks them.
 *
 * <p>The files are YAML ({@code .yaml}, {@code .yml}) or JSON ({@code .json}): a directory holding
 * one file per section ({@code employers.yaml}, {@code people.yaml}...) or a single file holding
 * every section. {@link #read} parses, validates and resolves references, and either returns every
 * record as domain values or throws {@link InvalidRegisterFiles} listing every problem it found,
 * each with its file, line, column and member: nothing half-read reaches the core.
 *
 * <p>{@link #importInto} writes what was read in one unit of work with one audit record; an import
 * that fails writes nothing. {@link #exportTo} writes what a register holds as files that {@link
 * #read} reads back to the same contents, sorted so that two exports diff well.
 *
 * <p>The register's history (applications, audit records, compliance events, change notices, the
 * audit trail, earlier versions of a record) is made by the library's commands and is not part of
 * the files: the files describe the register as it stands.
 */
public final class RegisterFiles {

  /** Where the JSON Schema (draft 2020-12) of register files is, on the class path. */
  public static final String SCHEMA_RESOURCE =
      "/org/irmer/entitlement/adapter/json/register.schema.json";

  /** The action of the audit record an import appends. */
  public static final String IMPORT_ACTION = "import-register";

  private RegisterFiles() {}

  /**
   * Reads the register files at {@code dirOrFile}: every {@code .yaml}, {@code .yml} and {@code
   * .json} file of a directory (not its subdirectories), or the one file named.
   *
   * @throws InvalidRegisterFiles when a file cannot be read or parsed, breaks the schema, holds a
   *     value the domain refuses, repeats an id or names a record no file holds
   */
  public static Contents read(Path dirOrFile) {
    return read(dirOrFile, Progress.NONE);
  }

  /** {@link #read(Path)}, telling {@code progress} how far it has got through each section. */
  public static Contents read(Path dirOrFile, Progress progress) {
    checkNotNull(dirOrFile, "dirOrFile");
    checkNotNull(progress, "progress");
    return RegisterReader.read(dirOrFile, progress);
  }

  /**
   * Writes {@code contents} into {@code ports} in one unit of work ({@code
   * ports.transactions().inTransaction}), appends one audit record for the import (action
   * {@value #IMPORT_ACTION}, subject the source, details the counts and the SHA-256 of the
   * source) and publishes every change on the change feed, so that a live engine over the
   * register picks them up.
   *
   * <p>Records (employers, procedures, people, roles, delegations, entitlements, training,
   * agreements) are added: an id the register already holds is refused. The catalogue (region tree
   * and examinations) and the guidelines, when the contents hold them, replace the register's whole.
   * Regulators' register entries are added or replace the entry with the same regulator and
   * number.
   *
   * @throws InvalidRegisterFiles when a record's id is already stored (naming the file and line it
   *     comes from); nothing is then written
   * @throws org.irmer.entitlement.core.port.out.StoreUnavailableException when the store fails;
   *     nothing is then written
   */
  public static ImportSummary importInto(Register ports, Contents contents, Actor actor,
      Instant at) {
    return importInto(ports, contents, actor, at, Progress.NONE);
  }

  /** {@link #importInto(Register, Contents, Actor, Instant)}, telling {@code progress} as it writes. */
  public static ImportSummary importInto(Register ports, Contents contents, Actor actor,
      Instant at, Progress progress) {
    checkNotNull(ports, "ports");
    checkNotNull(contents, "contents");
    checkNotNull(actor, "actor");
    checkNotNull(at, "at");
    checkNotNull(progress, "progress");
    return RegisterImport.importInto(ports, contents, actor, at, progress);
  }

  /** What {@code ports} hold, as register files would describe it (see {@link Contents}). */
  public static Contents of(Register ports) {
    checkNotNull(ports, "ports");
    return RegisterImport.contentsOf(ports);
  }

  /**
   * Writes what {@code ports} hold into {@code dir} (created when missing) as YAML files, one per
   * section; returns the files written.
   */
  public static ImmutableList<Path> exportTo(Register ports, Path dir) {
    return exportTo(ports, dir, Format.YAML);
  }

  /** Writes what {@code ports} hold into {@code dir} in {@code format}, one file per section. */
  public static ImmutableList<Path> exportTo(Register ports, Path dir, Format format) {
    return write(of(ports), dir, format);
  }

  /**
   * Writes {@code contents} into {@code dir} (created when missing) in {@code format}, one file per
   * section, each sorted by id; returns the files written.
   *
   * @throws InvalidRegisterFiles when a file cannot be written
   */
  public static ImmutableList<Path> write(Contents contents, Path dir, Format format) {
    checkNotNull(contents, "contents");
    checkNotNull(dir, "dir");
    checkNotNull(format, "format");
    return RegisterWriter.write(contents, dir, format);
  }

  /** The format of files written by {@link #exportTo}. */
  public enum Format {
    YAML(".yaml"),
    JSON(".json");

    private final String extension;

    Format(String extension) {
      this.extension = extension;
    }

    /** The file name extension, with its dot. */
    public String extension() {
      return extension;
    }
  }

  /** A section of the register files: a top-level member, and the file that holds it alone. */
  public enum Section {
    EMPLOYERS("employers"),
    PROCEDURES("procedures"),
    PEOPLE("people"),
    ROLES("roles"),
    DELEGATIONS("delegations"),
    ENTITLEMENTS("entitlements"),
    TRAINING("training"),
    AGREEMENTS("agreements"),
    REGIONS("regions"),
    EXAMINATIONS("examinations"),
    GUIDELINES("guidelines"),
    REGULATOR_REGISTER("regulator-register");

    private final String key;

    Section(String key) {
      this.key = key;
    }

    /** The section's member name in a file, and its file name without extension. */
    public String key() {
      return key;
    }

    static Optional<Section> ofKey(String key) {
      for (Section section : values()) {
        if (section.key.equals(key)) {
          return Optional.of(section);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * Told how far a read or an import has got: {@code done} records of {@code total} in {@code
   * section}. Called from the reading or importing thread; must be quick and must not throw.
   */
  @FunctionalInterface
  public interface Progress {

    /** Reports nothing. */
    Progress NONE = (section, done, total) -> { };

    void progress(Section section, int done, int total);
  }

  /**
   * One problem with register files: the file, the line and column (from 1; 0 when the contents
   * did not come from a file), the member (a JSON pointer such as {@code /entitlements/3/scope};
   * empty for the file as a whole) and what was expected.
   */
  public record Problem(Path file, int line, int column, String field, String message) {

    public Problem {
      checkNotNull(file, "file");
      checkArgument(line >= 0 && column >= 0, "line and column must not be negative");
      checkNotNull(field, "field");
      checkNotNull(message, "message");
    }

    @Override
    public String toString() {
      return file + ":" + line + ":" + column + ": " + (field.isEmpty() ? "" : field + ": ")
          + message;
    }
  }

  /**
   * Register files that cannot be read, or contents that cannot be imported: every problem found,
   * in file order. Nothing was imported.
   */
  public static final class InvalidRegisterFiles extends EntitlementException {

    private final ImmutableList<Problem> problems;

    public InvalidRegisterFiles(List<Problem> problems) {
      super(describe(problems));
      checkArgument(!problems.isEmpty(), "an invalid set of files has at least one problem");
      this.problems = ImmutableList.copyOf(problems);
    }

    /** Every problem, at least one. */
    public ImmutableList<Problem> problems() {
      return problems;
    }

    private static String describe(List<Problem> problems) {
      return problems.size() + (problems.size() == 1 ? " problem" : " problems")
          + " in the register files:\n"
          + problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }
  }

  /**
   * What an import wrote: how many records of each section, the SHA-256 of the source (hex), and
   * the audit trail entry recording the import.
   */
  public record ImportSummary(ImmutableSortedMap<Section, Integer> counts, String sha256,
      AuditTrailEntry audit) {

    public ImportSummary {
      checkNotNull(counts, "counts");
      checkNotNull(sha256, "sha256");
      checkNotNull(audit, "audit");
    }

    /** The number of records of {@code section} written (0 when none). */
    public int count(Section section) {
      return counts.getOrDefault(section, 0);
    }

    /** Every record written, all sections together. */
    public int total() {
      return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /**
   * The records of a register as files hold them, as domain values: each list sorted by id (by
   * employer and version for procedures, by regulator and number for the regulators' entries), so
   * that equal registers give equal contents whatever order they were written in.
   *
   * <p>Files carry no store versions: every record's store version ({@code version()}, and
   * {@code recordVersion()} of procedures) is 0 here, whatever the register that {@link
   * RegisterFiles#of} read held, and an import stores each record as new. {@link #regions()} is
   * present when the source holds a catalogue (a region tree, examinations or both): an import then
   * replaces the register's catalogue; {@link #hasGuidelines()} likewise for the guidelines.
   */
  public static final class Contents {

    private final ImmutableList<Employer> employers;
    private final ImmutableList<WrittenProcedures> procedures;
    private final ImmutableList<Person> people;
    private final ImmutableList<Role> roles;
    private final ImmutableList<Delegation> delegations;
    private final ImmutableList<Entitlement> entitlements;
    private final ImmutableList<TrainingRecord> training;
    private final ImmutableList<SharedResponsibilityAgreement> agreements;
    private final Optional<BodyRegionTree> regions;
    private final ImmutableList<Examination> examinations;
    private final boolean hasGuidelines;
    private final ImmutableList<GuidelineEntry> guidelines;
    private final ImmutableList<ProfessionalRegistration> regulatorRegister;
    private final String source;
    private final String sha256;
    private final ImmutableMap<String, Problem> origins;

    private Contents(Builder builder) {
      employers = sorted(builder.employers, Comparator.comparing(Employer::id));
      procedures = sorted(builder.procedures, Comparator.comparing(WrittenProcedures::employer)
          .thenComparingInt(WrittenProcedures::version));
      people = sorted(builder.people, Comparator.comparing(Person::id));
      roles = sorted(builder.roles, Comparator.comparing(Role::id));
      delegations = sorted(builder.delegations, Comparator.comparing(Delegation::id));
      entitlements = sorted(builder.entitlements, Comparator.comparing(Entitlement::id));
      training = sorted(builder.training, Comparator.comparing(TrainingRecord::id));
      agreements = sorted(builder.agreements,
          Comparator.comparing(SharedResponsibilityAgreement::id));
      regions = builder.regions.or(() -> builder.examinations.isEmpty()
          ? Optional.empty() : Optional.of(BodyRegionTree.standard()));
      examinations = sorted(builder.examinations, Comparator.comparing(Examination::code));
      hasGuidelines = builder.hasGuidelines || !builder.guidelines.isEmpty();
      guidelines = sorted(builder.guidelines, Comparator.comparing(GuidelineEntry::id));
      regulatorRegister = sorted(builder.regulatorRegister,
          Comparator.comparing(ProfessionalRegistration::regulator)
              .thenComparing(ProfessionalRegistration::number));
      source = builder.source;
      sha256 = builder.sha256;
      origins = ImmutableMap.copyOf(builder.origins);
    }

    private static <T> ImmutableList<T> sorted(List<T> values, Comparator<T> order) {
      return values.stream().sorted(order).collect(ImmutableList.toImmutableList());
    }

    /** An empty builder; its source is {@code "contents"} until named. */
    public static Builder builder() {
      return new Builder();
    }

    public ImmutableList<Employer> employers() {
      return employers;
    }

    /** Every version of every employer's written procedures. */
    public ImmutableList<WrittenProcedures> procedures() {
      return procedures;
    }

    /** People, each with the registration the register holds for them. */
    public ImmutableList<Person> people() {
      return people;
    }

    public ImmutableList<Role> roles() {
      return roles;
    }

    public ImmutableList<Delegation> delegations() {
      return delegations;
    }

    /** Individual and group entitlements, with their scopes. */
    public ImmutableList<Entitlement> entitlements() {
      return entitlements;
    }

    public ImmutableList<TrainingRecord> training() {
      return training;
    }

    public ImmutableList<SharedResponsibilityAgreement> agreements() {
      return agreements;
    }

    /** The catalogue's region tree; empty when the source holds no catalogue. */
    public Optional<BodyRegionTree> regions() {
      return regions;
    }

    public ImmutableList<Examination> examinations() {
      return examinations;
    }

    /** Whether the source holds the guidelines (perhaps none), which an import then replaces. */
    public boolean hasGuidelines() {
      return hasGuidelines;
    }

    public ImmutableList<GuidelineEntry> guidelines() {
      return guidelines;
    }

    /** Entries of the regulators' registers, as the registration lookup answers them. */
    public ImmutableList<ProfessionalRegistration> regulatorRegister() {
      return regulatorRegister;
    }

    /** Where the contents came from: the directory or file read, or {@code register}. */
    public String source() {
      return source;
    }

    /** The SHA-256 (hex) of the files read, or of the contents' JSON encoding otherwise. */
    public String sha256() {
      return sha256;
    }

    /** The number of records in each section. */
    public ImmutableSortedMap<Section, Integer> counts() {
      Map<Section, Integer> counts = new EnumMap<>(Section.class);
      counts.put(Section.EMPLOYERS, employers.size());
      counts.put(Section.PROCEDURES, procedures.size());
      counts.put(Section.PEOPLE, people.size());
      counts.put(Section.ROLES, roles.size());
      counts.put(Section.DELEGATIONS, delegations.size());
      counts.put(Section.ENTITLEMENTS, entitlements.size());
      counts.put(Section.TRAINING, training.size());
      counts.put(Section.AGREEMENTS, agreements.size());
      counts.put(Section.REGIONS, regions.map(tree -> tree.regions().size()).orElse(0));
      counts.put(Section.EXAMINATIONS, examinations.size());
      counts.put(Section.GUIDELINES, guidelines.size());
      counts.put(Section.REGULATOR_REGISTER, regulatorRegister.size());
      return ImmutableSortedMap.copyOf(counts);
    }

    /**
     * Where the record {@code key} ({@code "employer RHV"}, {@code "person P1"}...) was read from,
     * as a problem waiting for its message; a position 0:0 in the source when not read from a file.
     */
    Problem originOf(String key, String message) {
      Problem origin = origins.get(key);
      return origin == null ? new Problem(Path.of(source), 0, 0, "", message)
          : new Problem(origin.file(), origin.line(), origin.column(), origin.field(), message);
    }

    /** Equal when every section holds the same records; source, digest and origins aside. */
    @Override
    public boolean equals(Object other) {
      return other instanceof Contents that
          && employers.equals(that.employers)
          && procedures.equals(that.procedures)
          && people.equals(that.people)
          && roles.equals(that.roles)
          && delegations.equals(that.delegations)
          && entitlements.equals(that.entitlements)
          && training.equals(that.training)
          && agreements.equals(that.agreements)
          && regions.equals(that.regions)
          && examinations.equals(that.examinations)
          && hasGuidelines == that.hasGuidelines
          && guidelines.equals(that.guidelines)
          && regulatorRegister.equals(that.regulatorRegister);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(employers, procedures, people, roles, delegations,
          entitlements, training, agreements, regions, examinations, hasGuidelines, guidelines,
          regulatorRegister);
    }

    @Override
    public String toString() {
      return "Contents " + source + " " + counts();
    }

    /** Builds {@link Contents}; every list starts empty and there is no catalogue. */
    public static final class Builder {

      private final List<Employer> employers = new java.util.ArrayList<>();
      private final List<WrittenProcedures> procedures = new java.util.ArrayList<>();
      private final List<Person> people = new java.util.ArrayList<>();
      private final List<Role> roles = new java.util.ArrayList<>();
      private final List<Delegation> delegations = new java.util.ArrayList<>();
      private final List<Entitlement> entitlements = new java.util.ArrayList<>();
      private final List<TrainingRecord> training = new java.util.ArrayList<>();
      private final List<SharedResponsibilityAgreement> agreements = new java.util.ArrayList<>();
      private Optional<BodyRegionTree> regions = Optional.empty();
      private final List<Examination> examinations = new java.util.ArrayList<>();
      private boolean hasGuidelines;
      private final List<GuidelineEntry> guidelines = new java.util.ArrayList<>();
      private final List<ProfessionalRegistration> regulatorRegister = new java.util.ArrayList<>();
      private String source = "contents";
      private String sha256 = "";
      private final Map<String, Problem> origins = new java.util.HashMap<>();

      private Builder() {}

      public Builder addEmployers(Iterable<Employer> values) {
        values.forEach(value -> employers.add(checkNotNull(value, "employer")));
        return this;
      }

      public Builder addProcedures(Iterable<WrittenProcedures> values) {
        values.forEach(value -> procedures.add(checkNotNull(value, "procedures")));
        return this;
      }

      public Builder addPeople(Iterable<Person> values) {
        values.forEach(value -> people.add(checkNotNull(value, "person")));
        return this;
      }

      public Builder addRoles(Iterable<Role> values) {
        values.forEach(value -> roles.add(checkNotNull(value, "role")));
        return this;
      }

      public Builder addDelegations(Iterable<Delegation> values) {
        values.forEach(value -> delegations.add(checkNotNull(value, "delegation")));
        return this;
      }

      public Builder addEntitlements(Iterable<Entitlement> values) {
        values.forEach(value -> entitlements.add(checkNotNull(value, "entitlement")));
        return this;
      }

      public Builder addTraining(Iterable<TrainingRecord> values) {
        values.forEach(value -> training.add(checkNotNull(value, "training record")));
        return this;
      }

      public Builder addAgreements(Iterable<SharedResponsibilityAgreement> values) {
        values.forEach(value -> agreements.add(checkNotNull(value, "agreement")));
        return this;
      }

      /** The catalogue's region tree: the contents then hold a catalogue. */
      public Builder regions(BodyRegionTree tree) {
        regions = Optional.of(checkNotNull(tree, "tree"));
        return this;
      }

      /**
       * Examinations of the catalogue; without {@link #regions} the catalogue's tree is the
       * {@linkplain BodyRegionTree#standard() standard} one.
       */
      public Builder addExaminations(Iterable<Examination> values) {
        values.forEach(value -> examinations.add(checkNotNull(value, "examination")));
        return this;
      }

      /** Guideline entries; the contents then hold the guidelines, even when this adds none. */
      public Builder addGuidelines(Iterable<GuidelineEntry> values) {
        hasGuidelines = true;
        values.forEach(value -> guidelines.add(checkNotNull(value, "guideline")));
        return this;
      }

      public Builder addRegulatorRegister(Iterable<ProfessionalRegistration> values) {
        values.forEach(value -> regulatorRegister.add(checkNotNull(value, "registration")));
        return this;
      }

      /** Where the contents come from, as the import's audit record names it. */
      public Builder source(String source) {
        this.source = checkNotNull(source, "source");
        return this;
      }

      Builder sha256(String sha256) {
        this.sha256 = sha256;
        return this;
      }

      Builder origin(String key, Problem origin) {
        origins.putIfAbsent(key, origin);
        return this;
      }

      public Contents build() {
        Contents built = new Contents(this);
        return sha256.isEmpty() ? built.withSha256(RegisterWriter.sha256(built)) : built;
      }
    }

    private Contents withSha256(String digest) {
      Builder copy = new Builder();
      copy.employers.addAll(employers);
      copy.procedures.addAll(procedures);
      copy.people.addAll(people);
      copy.roles.addAll(roles);
      copy.delegations.addAll(delegations);
      copy.entitlements.addAll(entitlements);
      copy.training.addAll(training);
      copy.agreements.addAll(agreements);
      copy.regions = regions;
      copy.examinations.addAll(examinations);
      copy.hasGuidelines = hasGuidelines;
      copy.guidelines.addAll(guidelines);
      copy.regulatorRegister.addAll(regulatorRegister);
      copy.source = source;
      copy.sha256 = digest;
      copy.origins.putAll(origins);
      return new Contents(copy);
    }
  }
}
