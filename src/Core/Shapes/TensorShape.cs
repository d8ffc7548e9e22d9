using System.Collections;

namespace EfficiencyMisnomer.Shapes;

/// <summary>An immutable tensor shape of known rank.</summary>
public sealed class TensorShape : IReadOnlyList<Dim>, IEquatable<TensorShape>
{
    private readonly Dim[] dims;

    public TensorShape(IEnumerable<Dim> dims)
    {
        this.dims = dims.ToArray();
    }

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
        : throw new InvalidOperationException($"Dimension '{d.Symbol}' is unknown.")).ToArray();

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

    public override string ToString() => "[" + string.Join("x", dims) + "]";
}
