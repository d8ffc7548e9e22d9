using System.Collections;
using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Tensors;

/// <summary>An immutable tensor shape of known rank.</summary>
public sealed class TensorShape : IReadOnlyList<Dim>, IEquatable<TensorShape>
{
    private readonly Dim[] dims;

    public TensorShape(IEnumerable<Dim> dims)
    {
        this.dims = dims.ToArray();
    }

    /// <summary>
    /// The most dims a tensor of a model may have (numpy's limit; exporters never come near it). A shape of a million
    /// dims in a 4 MB file took 25 s and 4 GB to analyse, since every node's output shape is a copy: the engine refuses
    /// more than this (EM1110) rather than let a small file exhaust memory.
    /// </summary>
    public const int MaxRank = 64;

    /// <summary>Dims a shape shows in text before it is cut.</summary>
    public const int MaxDimsShown = 16;

    public static TensorShape Scalar { get; } = new(Array.Empty<Dim>());

    public int Rank => dims.Length;

    public int Count => dims.Length;

    public Dim this[int index] => dims[index];

    public bool IsFullyKnown => Array.TrueForAll(dims, d => d.IsKnown);

    public static TensorShape Of(params long[] sizes) => new(sizes.Select(Dim.Of));

    /// <summary>Number of elements, overflow-checked; null while any dimension is unknown.</summary>
    public long? ElementCount
    {
        get
        {
            long count = 1;
            foreach (var dim in dims)
            {
                if (!dim.IsKnown)
                {
                    return null;
                }

                count = checked(count * dim.Value);
            }

            return count;
        }
    }

    /// <summary>The sizes as numbers; throws when a dimension is unknown.</summary>
    public long[] ToSizes() => dims.Select(d => d.IsKnown ? d.Value
        : throw new InvalidOperationException($"Dimension '{UserText.Quote(d.Symbol)}' is unknown.")).ToArray();

    public IEnumerator<Dim> GetEnumerator() => ((IEnumerable<Dim>)dims).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => dims.GetEnumerator();

    public bool Equals(TensorShape? other) => other is not null && dims.AsSpan().SequenceEqual(other.dims);

    public override bool Equals(object? obj) => Equals(obj as TensorShape);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var dim in dims)
        {
            hash.Add(dim);
        }

        return hash.ToHashCode();
    }

    /// <summary>The dims as text, <c>[1x3x224x224]</c>; a shape of more than <see cref="MaxDimsShown"/> dims shows its first ones and its rank.</summary>
    public override string ToString() => dims.Length <= MaxDimsShown
        ? "[" + string.Join("x", dims) + "]"
        : "[" + string.Join("x", dims.Take(MaxDimsShown)) + $"x… ({dims.Length} dims)]";
}
