namespace EfficiencyMisnomer.Tensors;

/// <summary>The element type and (when known) the shape of a tensor value.</summary>
public sealed record TensorType(ElementType ElementType, TensorShape? Shape)
{
    public long? ElementCount => Shape?.ElementCount;

    /// <summary>Bytes of the whole tensor; null while the shape is not fully known.</summary>
    public long? ByteSize => ElementCount is { } count ? ElementType.ByteSize(count) : null;

    public override string ToString() => $"{ElementType.OnnxName()}{Shape?.ToString() ?? "[?]"}";
}
