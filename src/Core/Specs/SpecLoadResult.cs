using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Specs;

/// <summary>A loaded spec, or the reasons it could not be loaded.</summary>
/// <param name="Spec">The spec; null when any error was found.</param>
/// <param name="Diagnostics">Every problem found, each with its file, line and column.</param>
public sealed record SpecLoadResult(Spec? Spec, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Spec is not null;
}
