using EfficiencyMisnomer.Fuzz.Tests.Generators;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Fuzz.Tests;

/// <summary>
/// The spec reader (<see cref="SpecLoader.Load"/> on a file) on generated and mutated specs; specs that load are
/// checked by <c>misnomer check</c> in process, so that budgets, bindings and paths of odd specs reach the gate.
/// </summary>
public sealed class SpecReaderFuzzTests
{
    private static Workspace workspace = null!;

    /// <summary>The repository's own specs: the seeds of byte-level mutation.</summary>
    private static List<byte[]> Seeds { get; } = new[] { "tiny-cnn.yaml", "case-studies/sharing.yaml", "case-studies/vit-depth-width.yaml" }
        .Select(name => File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, "specs", name))).ToList();

    [OneTimeSetUp]
    public static void CreateWorkspace() => workspace = new Workspace("specs");

    [OneTimeTearDown]
    public static void DeleteWorkspace() => workspace.Dispose();

    [Test]
    public void Generated_specs_load_or_are_refused_with_coded_diagnostics()
    {
        FuzzRun.Check("spec-generated", SpecGen.Spec, recipe => Load(SpecGen.Render(recipe)), ciIterations: 2000,
            print: recipe => Print(SpecGen.Render(recipe), recipe.ToString()));
    }

    [Test]
    public void Mutated_specs_load_or_are_refused_with_coded_diagnostics()
    {
        FuzzRun.Check("spec-mutated", ByteMutation.Mutants(Seeds.Count, maxEdits: 6), mutant => Load(ByteMutation.Apply(Seeds, mutant)),
            ciIterations: 2000, print: mutant => Print(ByteMutation.Apply(Seeds, mutant), mutant.ToString()));
    }

    /// <summary>Writes the spec into the workspace and loads it; a spec that loads is checked by the command line too.</summary>
    internal static string Load(byte[] bytes) => Load(workspace, bytes);

    internal static string Load(Workspace at, byte[] bytes)
    {
        var path = at.File_("spec.yaml");
        File.WriteAllBytes(path, bytes);
        var loaded = SpecLoader.Load(path);
        Invariants.Diagnostics(loaded.Diagnostics);
        if (loaded.Spec is null)
        {
            return loaded.Diagnostics.FirstOrDefault(d => d.Severity == Diagnostics.DiagnosticSeverity.Error)?.Code
                ?? throw new InvariantBroken("the spec was refused without an error diagnostic");
        }

        var outcome = CliFuzzTests.Run(at, new[] { "check", path, "--gate", "warn" });
        return "loaded/check " + outcome;
    }

    private static string Print(byte[] bytes, string recipe) =>
        $"{recipe}\nspec ({bytes.Length} bytes), base64: {(bytes.Length <= 8192 ? Convert.ToBase64String(bytes) : "(too long; replay the recipe)")}\n"
        + (bytes.Length <= 8192 ? System.Text.Encoding.UTF8.GetString(bytes) : "");
}
