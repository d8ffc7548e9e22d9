using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Onnx.Wire;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Onnx;

/// <summary>Where a tensor's values are stored.</summary>
public enum TensorStorage
{
    /// <summary>In the model file's <c>raw_data</c> field.</summary>
    Raw,

    /// <summary>In the typed fields of the protobuf message (<c>float_data</c>, <c>int64_data</c>, ...).</summary>
    Typed,

    /// <summary>In an external data file next to the model.</summary>
    External,
}

/// <summary>
/// A tensor stored in the model (initializer, Constant node value, attribute tensor): its name, type
/// and shape, where its values live, and the values themselves when the tensor is small.
/// </summary>
public sealed class TensorInfo
{
    internal TensorInfo(string name, ElementType elementType, long[] dims, long elementCount, TensorStorage storage,
        PayloadRange? rawRange, ExternalDataReference? external, TensorValue? value)
    {
        Name = name;
        ElementType = elementType;
        Dims = dims;
        ElementCount = elementCount;
        Storage = storage;
        RawRange = rawRange;
        External = external;
        Value = value;
    }

    public string Name { get; }

    public ElementType ElementType { get; }

    public IReadOnlyList<long> Dims { get; }

    public long ElementCount { get; }

    public long ByteSize => ElementType.ByteSize(ElementCount);

    public TensorStorage Storage { get; }

    /// <summary>The byte range of <c>raw_data</c> inside the model file, for <see cref="TensorStorage.Raw"/>.</summary>
    public PayloadRange? RawRange { get; }

    public ExternalDataReference? External { get; }

    /// <summary>The values, for tensors of at most <see cref="TensorValue.MaxElements"/> elements.</summary>
    public TensorValue? Value { get; }

    /// <summary>The parsed message holding the typed fields, for <see cref="TensorStorage.Typed"/>: read on request (sparsity).</summary>
    internal TensorProto? TypedSource { get; init; }

    /// <summary>For a sparse initializer: its stored non-zero values (the other elements are zero).</summary>
    internal TensorInfo? SparseValues { get; init; }

    public TensorShape Shape => TensorShape.Of(Dims.ToArray());

    public TensorType Type => new(ElementType, Shape);

    public override string ToString() => $"{UserText.Quote(Name)}: {Type}";
}
