using EfficiencyMisnomer.Operators;

namespace EfficiencyMisnomer.Shapes;

/// <summary>
/// Infers output types (and, for small integer tensors, output values) of one operator family.
/// Each implementation lives in its own file under <c>Shapes/Rules</c> and is found by reflection,
/// so adding an operator is adding a file.
/// </summary>
public interface IShapeRule : IOperatorRule
{
    void Infer(ShapeContext context);
}
