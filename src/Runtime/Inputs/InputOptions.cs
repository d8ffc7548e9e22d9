namespace EfficiencyMisnomer.Runtime.Inputs;

/// <summary>How generated inputs are filled: a seed for reproducible values and the range of integer (token id) inputs.</summary>
/// <param name="Seed">The random seed; the same seed gives the same tensors.</param>
/// <param name="TokenMin">Smallest integer value, inclusive.</param>
/// <param name="TokenMax">Largest integer value, exclusive: token ids must index an embedding table, so the default stays small.</param>
public sealed record InputOptions(int Seed = 42, long TokenMin = 0, long TokenMax = 1000)
{
    public static InputOptions Default { get; } = new();
}
