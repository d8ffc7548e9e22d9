using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Specs;

/// <summary>
/// A value for a symbolic dimension (<c>batch: 1</c>, one size) or an input's whole shape
/// (<c>image: [1, 3, 224, 224]</c>), as the spec's <c>bind</c> writes it.
/// </summary>
public sealed record Binding(string Name, IReadOnlyList<long> Sizes, SourceLocation Location)
{
    /// <summary>An input's shape from the model's <c>inputs</c> (<c>shape: [512]</c>): never read as a symbol, whatever its length.</summary>
    public bool WholeInput { get; init; }
}
