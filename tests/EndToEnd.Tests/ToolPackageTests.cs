namespace EfficiencyMisnomer.EndToEnd.Tests;

/// <summary>
/// Packs the command-line tool into a local folder feed, installs it with <c>dotnet tool install --tool-path</c>
/// and runs the installed <c>misnomer check</c> on a spec within budget and a spec over budget.
/// </summary>
[NonParallelizable]
public sealed class ToolPackageTests
{
    private string work = "";
    private string misnomer = "";

    [OneTimeSetUp]
    public void PackAndInstall()
    {
        work = Path.Combine(Path.GetTempPath(), "misnomer-e2e", Guid.NewGuid().ToString("N"));
        var feed = Path.Combine(work, "feed");
        var tools = Path.Combine(work, "tools");
        Directory.CreateDirectory(feed);

        LocalFeed.Pack(feed, "Cli");
        LocalFeed.WriteNuGetConfig(work, feed, Path.Combine(work, "packages"));
        LocalFeed.IsolateFromParentFolders(work);
        SampleSpecs.WriteTo(work);

        var (code, output) = DotNet.Run(work, "tool", "install", "--tool-path", tools, "--add-source", feed,
            "EfficiencyMisnomer.Cli", "--version", LocalFeed.Version);
        Assert.That(code, Is.Zero, output);
        misnomer = Path.Combine(tools, OperatingSystem.IsWindows() ? "misnomer.exe" : "misnomer");
    }

    [OneTimeTearDown]
    public void DeleteWork() => Directory.Delete(work, recursive: true);

    [Test]
    public void Within_budget_check_exits_0()
    {
        var (code, output) = DotNet.Execute(misnomer, work, new[] { "check", "specs/within.yaml" });

        Assert.That(code, Is.Zero, output);
    }

    [Test]
    public void Over_budget_check_exits_1_naming_the_indicator()
    {
        var (code, output) = DotNet.Execute(misnomer, work, new[] { "check", "specs/over.yaml" });

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1), output);
            Assert.That(output, Does.Match(@"over\.yaml\(6,\d+\): error EM2101: .*macs"));
        });
    }
}
