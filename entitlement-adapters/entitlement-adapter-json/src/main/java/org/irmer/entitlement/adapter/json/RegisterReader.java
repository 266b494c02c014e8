package org.irmer.entitlement.adapter.json;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.irmer.entitlement.adapter.json.DomainReader.Located;
import org.irmer.entitlement.adapter.json.DomainReader.Records;
import org.irmer.entitlement.adapter.json.RegisterFiles.Contents;
import org.irmer.entitlement.adapter.json.RegisterFiles.InvalidRegisterFiles;
import org.irmer.entitlement.adapter.json.RegisterFiles.Problem;
import org.irmer.entitlement.adapter.json.RegisterFiles.Progress;
import org.irmer.entitlement.core.domain.BodyRegionTree;

/**
 * Reads a directory or a file of register files: parses each (recording where every value
 * stands), validates it against the schema, reads its records through the domain's builders, then
 * checks ids and references across every file. Every problem of every stage is collected; the
 * records are returned only when there is none.
 */
final class RegisterReader {

  private RegisterReader() {}

  static Contents read(Path dirOrFile, Progress progress) {
    Problems problems = new Problems();
    ImmutableList<Path> files = files(dirOrFile, problems);
    Records records = new Records();
    List<SourceFile> sources = new ArrayList<>();
    for (Path file : files) {
      Optional<SourceFile> source = SourceFile.parse(file, problems);
      if (source.isEmpty()) {
        continue;
      }
      sources.add(source.get());
      if (RegisterSchema.validate(source.get(), problems)) {
        new DomainReader(source.get(), problems, progress, records).readSections();
      }
    }
    Optional<BodyRegionTree> tree = records.hasRegions
        ? RegionTreeReader.build(records.regions, problems)
        : Optional.of(BodyRegionTree.standard());
    boolean hasCatalogue = records.hasRegions || !records.examinations.isEmpty();
    boolean readEverything = problems.isEmpty();
    ContentsCheck check = new ContentsCheck(records,
        tree.orElse(BodyRegionTree.standard()), hasCatalogue, problems);
    if (readEverything && tree.isPresent()) {
      check.checkReferences();
    }
    if (!problems.isEmpty()) {
      throw new InvalidRegisterFiles(problems.all());
    }
    Contents.Builder contents = Contents.builder()
        .source(dirOrFile.toString())
        .sha256(sha256(dirOrFile, sources));
    contents.addEmployers(values(records.employers, contents, e -> "employer " + e.id()));
    contents.addProcedures(values(records.procedures, contents,
        p -> "procedures " + p.employer() + " " + p.version()));
    contents.addPeople(values(records.people, contents, p -> "person " + p.id()));
    contents.addRoles(values(records.roles, contents, r -> "role " + r.id()));
    contents.addDelegations(values(records.delegations, contents, d -> "delegation " + d.id()));
    contents.addEntitlements(values(records.entitlements, contents, e -> "entitlement " + e.id()));
    contents.addTraining(values(records.training, contents, t -> "training " + t.id()));
    contents.addAgreements(values(records.agreements, contents, a -> "agreement " + a.id()));
    if (hasCatalogue) {
      contents.regions(tree.get());
    }
    contents.addExaminations(values(records.examinations, contents, e -> "examination " + e.code()));
    if (records.hasGuidelines) {
      contents.addGuidelines(values(records.guidelines, contents, g -> "guideline " + g.id()));
    }
    contents.addRegulatorRegister(values(records.regulatorRegister, contents,
        r -> "registration " + r.regulator() + " " + r.number()));
    return contents.build();
  }

  /** The values of {@code located}, each remembered with where it was read under its key. */
  private static <T> List<T> values(List<Located<T>> located, Contents.Builder contents,
      Function<T, String> key) {
    List<T> values = new ArrayList<>();
    for (Located<T> record : located) {
      SourceFile.Position at = record.source().positionOf(record.pointer());
      contents.origin(key.apply(record.value()),
          new Problem(record.source().path(), at.line(), at.column(), record.pointer(), ""));
      values.add(record.value());
    }
    return values;
  }

  private static ImmutableList<Path> files(Path dirOrFile, Problems problems) {
    if (Files.isDirectory(dirOrFile)) {
      try (Stream<Path> listed = Files.list(dirOrFile)) {
        ImmutableList<Path> files = listed
            .filter(Files::isRegularFile)
            .filter(SourceFile::isRegisterFile)
            .sorted()
            .collect(ImmutableList.toImmutableList());
        if (files.isEmpty()) {
          problems.add(dirOrFile, SourceFile.Position.START, "",
              "no register files here: expected .yaml, .yml or .json files");
        }
        return files;
      } catch (IOException failure) {
        problems.add(dirOrFile, SourceFile.Position.START, "",
            "the directory could not be listed: " + failure.getMessage());
        return ImmutableList.of();
      }
    }
    if (!Files.isRegularFile(dirOrFile)) {
      problems.add(dirOrFile, SourceFile.Position.START, "",
          "no such file or directory: expected a register file or a directory of them");
      return ImmutableList.of();
    }
    return ImmutableList.of(dirOrFile);
  }

  /** The SHA-256 of every file read, each preceded by its name, in the order read. */
  private static String sha256(Path dirOrFile, List<SourceFile> sources) {
    MessageDigest digest = RegisterWriter.sha256Digest();
    for (SourceFile source : sources) {
      digest.update(source.path().getFileName().toString().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(source.bytes());
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
