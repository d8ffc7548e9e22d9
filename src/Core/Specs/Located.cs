using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Specs;

/// <summary>A value read from a spec, with the place it was written.</summary>
public sealed record Located<T>(T Value, SourceLocation Location);
