namespace EfficiencyMisnomer.Shapes;

/// <summary>
/// Thrown by a rule when a node's outputs cannot be inferred because something it needs is unknown
/// (an input of unknown rank, a data-dependent size). The engine records it and carries on.
/// </summary>
public sealed class ShapeInferenceException : Exception
{
    public ShapeInferenceException(string message)
        : base(message)
    {
    }
}
