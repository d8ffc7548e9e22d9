using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Graph;

/// <summary>A named value with the type the model declares for it (graph inputs, outputs, value_info).</summary>
public sealed record ValueInfo(string Name, TensorType? Type, bool IsTensor = true);
