namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>The sizes of a recurrent layer: time steps, batch, directions, input and hidden sizes.</summary>
internal readonly record struct RecurrentSizes(long Steps, long Batch, long Directions, long Input, long Hidden)
{
    /// <summary>Cell evaluations: one per time step, batch element and direction.</summary>
    public long Cells => checked(Steps * Batch * Directions);
}
