using EfficiencyMisnomer.Baselines;
using EfficiencyMisnomer.Fuzz.Tests.Generators;

namespace EfficiencyMisnomer.Fuzz.Tests;

/// <summary>
/// The baseline reader (<see cref="BaselineJson.Parse"/>, and <see cref="BaselineStore.Read"/> on a file) on baselines
/// written by the product and then edited; what it accepts must merge and be written again.
/// </summary>
public sealed class BaselineReaderFuzzTests
{
    private static Workspace workspace = null!;

    [OneTimeSetUp]
    public static void CreateWorkspace() => workspace = new Workspace("baselines");

    [OneTimeTearDown]
    public static void DeleteWorkspace() => workspace.Dispose();

    [Test]
    public void Edited_baselines_read_or_are_refused_with_a_code()
    {
        FuzzRun.Check("baseline-reader", ResultsGen.Baselines, Read, ciIterations: 2000, print: recipe => recipe.ToString());
    }

    internal static string Read(BaselineRecipe recipe) => Read(workspace, recipe);

    internal static string Read(Workspace at, BaselineRecipe recipe) => Invariants.Coded(() =>
    {
        var path = at.File_("baselines/fuzz.json");
        File.WriteAllText(path, recipe.Text());
        var baseline = BaselineStore.Read(path)!;
        var merged = BaselineMerge.Merge(baseline, recipe.Baseline);
        _ = BaselineJson.Parse(BaselineJson.Write(merged), "written.json");
    });
}
