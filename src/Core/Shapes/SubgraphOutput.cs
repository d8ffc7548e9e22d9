using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes;

/// <summary>One output of an inferred body graph: its name, its type when known, and its value when known before run time.</summary>
internal sealed record SubgraphOutput(string Name, TensorType? Type, TensorValue? Value);
