namespace EfficiencyMisnomer.BaselineWriter;

/// <summary>A file stream that writes the first half of the first buffer, says so, and then never finishes: a writer dying mid-write.</summary>
internal sealed class StallingStream : Stream
{
    private readonly FileStream inner;

    public StallingStream(FileStream inner) => this.inner = inner;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => inner.Length;

    public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count)
    {
        inner.Write(buffer, offset, count / 2);
        inner.Flush(flushToDisk: true);
        Console.WriteLine("mid-write");
        Thread.Sleep(Timeout.Infinite);
    }

    public override void Write(ReadOnlySpan<byte> buffer) => Write(buffer.ToArray(), 0, buffer.Length);

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
