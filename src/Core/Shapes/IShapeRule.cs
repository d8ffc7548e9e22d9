namespace EfficiencyMisnomer.Shapes;

/// <summary>
/// Infers output types (and, for small integer tensors, output values) of one operator family.
/// Each implementation lives in its own file under <c>Shapes/Rules</c> and is found by reflection,
/// so adding an operator is adding a file.
/// </summary>
public interface IShapeRule
{
    /// <summary>The operator domain: empty for the default ONNX domain, <c>com.microsoft</c>, ...</summary>
    string Domain => string.Empty;

    /// <summary>The operator types this rule handles.</summary>
    IReadOnlyCollection<string> OpTypes { get; }

    void Infer(ShapeContext context);
}
