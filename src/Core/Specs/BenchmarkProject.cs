namespace EfficiencyMisnomer.Specs;

/// <summary>
/// The benchmark project a spec's benchmark entry runs to produce its results: <c>project</c> and <c>arguments</c>.
/// BenchmarkDotNet writes the full JSON results under <see cref="ResolvedArtifacts"/>, whose <c>results</c> folder is the
/// entry's results.
/// </summary>
/// <param name="Path">The project file (or its folder) as written, relative to the spec's folder.</param>
/// <param name="ResolvedPath">The project joined to the spec's folder.</param>
/// <param name="Arguments">BenchmarkDotNet's command-line options to add (<c>--launchCount 3</c>), as written.</param>
/// <param name="ResolvedArtifacts">BenchmarkDotNet's artifacts folder: the parent of the entry's results folder.</param>
public sealed record BenchmarkProject(Located<string> Path, string ResolvedPath, IReadOnlyList<Located<string>> Arguments, string ResolvedArtifacts);
