using EfficiencyMisnomer.ModelBuilder;

namespace EfficiencyMisnomer.Tests.Samples;

/// <summary>
/// The models under <c>specs/models</c> are exactly what the builder writes. Set
/// <c>MISNOMER_UPDATE_SAMPLES=1</c> to rewrite them after changing the builder.
/// </summary>
public sealed class BundledSampleTests
{
    private static IEnumerable<string> Samples => SampleModels.All.Keys;

    [TestCaseSource(nameof(Samples))]
    public void Bundled_sample_matches_the_builder(string name)
    {
        var path = Path.Combine(RepositoryRoot.Path, "specs", "models", name);
        var expected = SampleModels.All[name]().ToBytes();
        if (Environment.GetEnvironmentVariable("MISNOMER_UPDATE_SAMPLES") == "1")
        {
            File.WriteAllBytes(path, expected);
        }

        Assert.That(File.Exists(path), Is.True, $"{path} is missing; run the tests with MISNOMER_UPDATE_SAMPLES=1.");
        Assert.That(File.ReadAllBytes(path), Is.EqualTo(expected), $"{name} differs from the builder's output; run the tests with MISNOMER_UPDATE_SAMPLES=1.");
    }
}
