namespace EfficiencyMisnomer.Fuzz.Tests;

/// <summary>A front end or reader broke the hostile-input contract (docs/fuzzing.md, "The invariant") on one input.</summary>
internal sealed class InvariantBroken(string message) : Exception(message);
