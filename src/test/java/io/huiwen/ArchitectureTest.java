package io.huiwen;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies point one way, as ARCHITECTURE.md draws them: from the edges (web, api, admin, cli) down to extract and text. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.huiwen");

    @Test
    void extractDependsOnNoOtherStage() {
        noClasses().that().resideInAPackage("io.huiwen.extract..")
                .should().dependOnClassesThat().resideInAnyPackage("io.huiwen.text..", "io.huiwen.article..", "io.huiwen.search..",
                        "io.huiwen.rank..", "io.huiwen.web..", "io.huiwen.api..", "io.huiwen.admin..", "io.huiwen.cli..", "io.huiwen.collect..")
                .check(CLASSES);
    }

    @Test
    void textDependsOnNoLaterStage() {
        noClasses().that().resideInAPackage("io.huiwen.text..")
                .should().dependOnClassesThat().resideInAnyPackage("io.huiwen.article..", "io.huiwen.search..", "io.huiwen.collect..",
                        "io.huiwen.rank..", "io.huiwen.web..", "io.huiwen.api..", "io.huiwen.admin..", "io.huiwen.cli..")
                .check(CLASSES);
    }

    /** Collect is the first stage: it calls ingest (and article, for sources) on its right, and nothing serves through it. */
    @Test
    void collectCallsOnlyTheStagesOnItsRight() {
        noClasses().that().resideInAPackage("io.huiwen.collect..")
                .should().dependOnClassesThat().resideInAnyPackage("io.huiwen.search..", "io.huiwen.rank..",
                        "io.huiwen.web..", "io.huiwen.api..", "io.huiwen.admin..", "io.huiwen.cli..")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("io.huiwen.ingest..", "io.huiwen.extract..", "io.huiwen.text..", "io.huiwen.article..",
                        "io.huiwen.search..", "io.huiwen.rank..")
                .should().dependOnClassesThat().resideInAPackage("io.huiwen.collect..")
                .check(CLASSES);
    }

    /** Ingest sits between collect (and the edges) and article, extract and text: it calls those, and nothing below calls it. */
    @Test
    void ingestIsCalledFromAboveAndCallsOnlyBelow() {
        noClasses().that().resideInAPackage("io.huiwen.ingest..")
                .should().dependOnClassesThat().resideInAnyPackage("io.huiwen.search..", "io.huiwen.rank..",
                        "io.huiwen.web..", "io.huiwen.api..", "io.huiwen.admin..", "io.huiwen.cli..")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("io.huiwen.extract..", "io.huiwen.text..", "io.huiwen.article..", "io.huiwen.search..",
                        "io.huiwen.rank..")
                .should().dependOnClassesThat().resideInAPackage("io.huiwen.ingest..")
                .check(CLASSES);
    }

    @Test
    void articleKnowsNothingOfIndexRankingOrServing() {
        noClasses().that().resideInAPackage("io.huiwen.article..")
                .should().dependOnClassesThat().resideInAnyPackage("io.huiwen.search..", "io.huiwen.rank..",
                        "io.huiwen.web..", "io.huiwen.api..", "io.huiwen.admin..", "io.huiwen.cli..")
                .check(CLASSES);
    }

    @Test
    void searchAndRankDoNotServe() {
        noClasses().that().resideInAnyPackage("io.huiwen.search..", "io.huiwen.rank..")
                .should().dependOnClassesThat().resideInAnyPackage("io.huiwen.web..", "io.huiwen.api..", "io.huiwen.admin..", "io.huiwen.cli..")
                .check(CLASSES);
    }

    @Test
    void onlyTheCommandLineUsesTheCommandLine() {
        noClasses().that().resideInAnyPackage("io.huiwen.web..", "io.huiwen.api..", "io.huiwen.admin..")
                .should().dependOnClassesThat().resideInAPackage("io.huiwen.cli..")
                .check(CLASSES);
    }
}
