package io.huiwen;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.huiwen.collect.FetchFailure;
import io.huiwen.collect.FetchFailureReason;
import io.huiwen.collect.FetchRequest;
import io.huiwen.collect.FetchResponse;
import io.huiwen.collect.PoliteFetcher;
import io.huiwen.web.PortalPage;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way, as ARCHITECTURE.md draws them: the edges (web, api, admin, cli) call
 * the services (account, collect, ingest, search, rank), which call article, which calls extract and text;
 * nothing calls upward, and no two packages depend on each other.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // what Spring AOT generates beside the classes at package time (Foo__BeanDefinitions, CGLIB subclasses) is the build's, not ours
            .withImportOption(location -> !location.contains("__") && !location.contains("$$SpringCGLIB$$"))
            .importPackages("io.huiwen");

    @Test
    void dependenciesPointFromTheEdgesDownToExtractAndText() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("web").definedBy("io.huiwen.web..")
                .layer("api").definedBy("io.huiwen.api..")
                .layer("admin").definedBy("io.huiwen.admin..")
                .layer("cli").definedBy("io.huiwen.cli..")
                .layer("account").definedBy("io.huiwen.account..")
                .layer("collect").definedBy("io.huiwen.collect..")
                .layer("ingest").definedBy("io.huiwen.ingest..")
                .layer("search").definedBy("io.huiwen.search..")
                .layer("rank").definedBy("io.huiwen.rank..")
                .layer("article").definedBy("io.huiwen.article..")
                .layer("extract").definedBy("io.huiwen.extract..")
                .layer("text").definedBy("io.huiwen.text..")

                .whereLayer("web").mayNotBeAccessedByAnyLayer()
                .whereLayer("api").mayNotBeAccessedByAnyLayer()
                .whereLayer("admin").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("account").mayOnlyBeAccessedByLayers("web", "api", "admin", "cli")
                .whereLayer("collect").mayOnlyBeAccessedByLayers("web", "api", "admin", "cli")
                // the poller hands what it fetched to ingest; ingest never calls back into collect
                .whereLayer("ingest").mayOnlyBeAccessedByLayers("web", "api", "admin", "cli", "collect")
                .whereLayer("search").mayOnlyBeAccessedByLayers("web", "api", "admin", "cli")
                .whereLayer("rank").mayOnlyBeAccessedByLayers("web", "api", "admin", "cli")
                .whereLayer("article").mayOnlyBeAccessedByLayers("web", "api", "admin", "cli", "account", "collect", "ingest", "search", "rank")
                .whereLayer("extract").mayOnlyBeAccessedByLayers("web", "api", "admin", "cli", "collect", "ingest", "search", "rank",
                        "article")
                .whereLayer("text").mayOnlyBeAccessedByLayers("web", "api", "admin", "cli", "collect", "ingest", "search", "rank",
                        "article")

                // Known exception: admin pages get the portal's chrome by carrying web's @PortalPage marker (an annotation,
                // no call); moving the marker out of web would touch web/SearchController, which is being changed elsewhere.
                .ignoreDependency(resideInAPackage("io.huiwen.admin.."), belongToAnyOf(PortalPage.class))
                .check(CLASSES);
    }

    /** The image proxy is an edge using a service: it fetches images through the polite fetcher, and only through it. */
    @Test
    void webUsesCollectOnlyToFetchImagesPolitely() {
        noClasses().that().resideInAPackage("io.huiwen.web..")
                .should().dependOnClassesThat(resideInAPackage("io.huiwen.collect..")
                        .and(not(belongToAnyOf(PoliteFetcher.class, FetchRequest.class, FetchResponse.class, FetchFailure.class,
                                FetchFailureReason.class))))
                .check(CLASSES);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("io.huiwen.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /**
     * Known exception, to be removed: {@code HuiwenApplication.main} calls {@code cli.Launcher}, which
     * starts Spring with {@code HuiwenApplication} (the root package is not a slice, so the cycle rule
     * does not see it). Nothing else may use the launcher or the application class.
     */
    @Test
    void onlyTheApplicationAndTheLauncherKnowEachOther() {
        noClasses().that().resideOutsideOfPackage("io.huiwen.cli..").and().doNotBelongToAnyOf(HuiwenApplication.class)
                .should().dependOnClassesThat().resideInAPackage("io.huiwen.cli..")
                .check(CLASSES);
        noClasses().that().resideOutsideOfPackage("io.huiwen.cli..").and().doNotBelongToAnyOf(HuiwenApplication.class)
                .should().dependOnClassesThat().belongToAnyOf(HuiwenApplication.class)
                .check(CLASSES);
    }
}
