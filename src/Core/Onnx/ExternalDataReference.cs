namespace EfficiencyMisnomer.Onnx;

/// <summary>
/// Where a tensor stored outside the model file lives: a file inside the model's folder, an offset
/// and a length. Static indicators only reference it; values are read on request (sparsity).
/// </summary>
public sealed record ExternalDataReference(string Location, string FullPath, long Offset, long? Length);
