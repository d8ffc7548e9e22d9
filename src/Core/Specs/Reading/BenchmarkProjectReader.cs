using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Specs.Yaml;

namespace EfficiencyMisnomer.Specs.Reading;

/// <summary>
/// Reads a benchmark entry's <c>project</c> and <c>arguments</c>. The results of a project are the <c>results</c> folder of
/// the artifacts folder the run is given, so <c>results</c> must name such a folder; without it, BenchmarkDotNet's own
/// default beside the project (<c>BenchmarkDotNet.Artifacts/results</c>).
/// </summary>
internal static class BenchmarkProjectReader
{
    /// <summary>BenchmarkDotNet's artifacts folder when none is given, and the folder of results inside any artifacts folder.</summary>
    public const string DefaultArtifacts = "BenchmarkDotNet.Artifacts", ResultsFolder = "results";

    private const string NotAList = "the arguments of benchmark '{0}' are a list of BenchmarkDotNet's options, e.g. [--launchCount, 3]; found {1}";
    private const string ArgumentsWithoutProject = "benchmark '{0}' has 'arguments' but no 'project' to run with them";
    private const string SetByGate = "benchmark '{0}': argument '{1}' is set when the project is run (full JSON results into the artifacts folder of 'results'); remove it";
    private const string NotAResultsFolder = "benchmark '{0}' runs a project, so 'results' is the '" + ResultsFolder + "' folder of the artifacts BenchmarkDotNet writes, e.g. 'artifacts/" + ResultsFolder + "'; found '{1}'";

    private static readonly string[] Reserved = { "--artifacts", "-a", "--exporters", "-e" };

    /// <summary>The entry's arguments, each a non-empty scalar; null after an error.</summary>
    public static IReadOnlyList<Located<string>>? ReadArguments(YamlValue value, string name, SpecReadContext context)
    {
        if (value is not YamlList list)
        {
            context.Error(ErrorCodes.SpecWrongType, SpecReadContext.Text(NotAList, name, value.Kind), value.Location);
            return null;
        }

        var arguments = new List<Located<string>>();
        foreach (var item in list.Items)
        {
            if (context.Scalar(item, $"an argument of benchmark '{name}'") is not { } argument)
            {
                continue;
            }

            var option = argument.Split('=', 2)[0];
            if (Reserved.Contains(option, StringComparer.Ordinal))
            {
                context.Error(ErrorCodes.SpecInvalidValue, SpecReadContext.Text(SetByGate, name, UserText.Quote(argument)), item.Location);
                continue;
            }

            arguments.Add(new Located<string>(argument, item.Location));
        }

        return arguments;
    }

    /// <summary>
    /// The project to run and the entry's results: <paramref name="results"/> as written, or BenchmarkDotNet's default
    /// beside the project; null after an error.
    /// </summary>
    public static (BenchmarkProject Project, Located<string> Results)? Read(Located<string> project, IReadOnlyList<Located<string>> arguments,
        Located<string>? results, string name, SpecReadContext context)
    {
        if (context.ResolveInside(project, $"the project of benchmark '{name}'") is not { } resolvedProject)
        {
            return null;
        }

        // A project file's results go beside it, a project folder's inside it, as 'dotnet run' in that folder would put them.
        var written = project.Value.Replace('\\', '/').TrimEnd('/');
        var projectFolder = Path.GetExtension(written).EndsWith("proj", StringComparison.OrdinalIgnoreCase) ? Path.GetDirectoryName(written) ?? "" : written;
        results ??= new Located<string>(Path.Combine(projectFolder, DefaultArtifacts, ResultsFolder).Replace('\\', '/'), project.Location);
        var folder = results.Value.Replace('\\', '/').TrimEnd('/');
        if (Path.GetFileName(folder) != ResultsFolder)
        {
            context.Error(ErrorCodes.SpecInvalidValue, SpecReadContext.Text(NotAResultsFolder, name, UserText.Quote(results.Value)), results.Location);
            return null;
        }

        var artifacts = Path.GetDirectoryName(context.Resolve(folder)) ?? context.Resolve(".");
        return (new BenchmarkProject(project, resolvedProject, arguments, artifacts), results);
    }

    /// <summary>The error for arguments written without a project, at the <c>arguments</c> key.</summary>
    public static void NoProject(SourceLocation arguments, string name, SpecReadContext context) =>
        context.Error(ErrorCodes.SpecInvalidValue, SpecReadContext.Text(ArgumentsWithoutProject, name), arguments);
}
