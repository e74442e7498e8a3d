import Foundation

/// Streams an animated PNG: frames are appended one at a time and written out at once through `sink`.
///
/// Frame 0 is the default image (IDAT, through libpng); later frames store only what changed (`FrameDelta`) in
/// `fdAT` chunks, compressed by `SparseDeflate`.
/// Loops forever; every frame shows for `1/fps` seconds except the last, which is held for `finalHold` seconds.
public final class APNGWriter {
    public let width: Int
    public let height: Int
    public let frameCount: Int
    /// Compression of the first, full frame.
    public let keyframeOptions: PNGOptions
    let frameDelay: (UInt16, UInt16)
    let finalDelay: (UInt16, UInt16)
    let sink: ([UInt8]) throws -> Void
    var sequence: UInt32 = 0
    var written = 0
    var previous: RGBAImage?
    var finished = false

    /// - Parameters:
    ///   - frameCount: number of frames that will be appended (APNG needs it in `acTL`, before any frame).
    ///   - sink: receives the file's bytes in order (signature and headers first, `IEND` last).
    public init(width: Int, height: Int, frameCount: Int, fps: Double, finalHold: Double = 2,
                keyframeOptions: PNGOptions = .apngKeyframe, sink: @escaping ([UInt8]) throws -> Void) throws {
        precondition(width > 0 && height > 0 && frameCount > 0 && fps > 0)
        self.width = width
        self.height = height
        self.frameCount = frameCount
        self.keyframeOptions = keyframeOptions
        self.sink = sink
        frameDelay = APNGWriter.delay(seconds: 1 / fps)
        finalDelay = APNGWriter.delay(seconds: max(finalHold, 1 / fps))
        try sink(PNGChunk.signature)
    }

    /// A delay as a fraction: milliseconds over 1000 (numerator capped to 16 bits).
    static func delay(seconds: Double) -> (UInt16, UInt16) {
        (UInt16(min(65535, max(1, (seconds * 1000).rounded()))), 1000)
    }

    /// Adds the next frame (computes its delta to the previous one and encodes it on this thread).
    public func append(_ image: RGBAImage) throws {
        guard image.width == width, image.height == height else {
            throw PNGError("frame is \(image.width)×\(image.height), the animation \(width)×\(height)")
        }
        let frame = try previous.map { EncodedFrame.encode(FrameDelta.between($0, image)) }
            ?? EncodedFrame.encode(FrameDelta.full(image), options: keyframeOptions)
        previous = image
        try append(encoded: frame)
    }

    /// Adds a frame encoded elsewhere (e.g. in parallel); frames must arrive in order, the first one full size.
    /// Throws when more frames arrive than were announced.
    public func append(encoded frame: EncodedFrame) throws {
        guard !finished, written < frameCount else { throw PNGError("more APNG frames than the \(frameCount) announced") }
        if written == 0 {
            guard frame.x == 0, frame.y == 0, frame.width == width, frame.height == height else {
                throw PNGError("the first APNG frame must cover the whole image")
            }
            var ihdr = frame.header
            if ihdr.count < 13 { throw PNGError("bad IHDR") }
            ihdr[8] = 8; ihdr[9] = 6   // 8-bit RGBA for every frame
            var actl = [UInt8]()
            actl.appendBigEndian(UInt32(frameCount))
            actl.appendBigEndian(UInt32(0))   // loop forever
            try sink(PNGChunk(type: "IHDR", data: ihdr).serialized() + PNGChunk(type: "acTL", data: actl).serialized())
        }
        let last = written == frameCount - 1
        var fctl = [UInt8]()
        fctl.appendBigEndian(sequence)
        fctl.appendBigEndian(UInt32(frame.width)); fctl.appendBigEndian(UInt32(frame.height))
        fctl.appendBigEndian(UInt32(frame.x)); fctl.appendBigEndian(UInt32(frame.y))
        let d = last ? finalDelay : frameDelay
        fctl.appendBigEndian(d.0); fctl.appendBigEndian(d.1)
        fctl.append(0)                         // APNG_DISPOSE_OP_NONE
        fctl.append(frame.blendOver ? 1 : 0)   // APNG_BLEND_OP_OVER / SOURCE
        sequence += 1
        var out = PNGChunk(type: "fcTL", data: fctl).serialized()
        for payload in frame.payloads {
            if written == 0 {
                out += PNGChunk(type: "IDAT", data: payload).serialized()
            } else {
                var data = [UInt8]()
                data.reserveCapacity(payload.count + 4)
                data.appendBigEndian(sequence)
                data += payload
                sequence += 1
                out += PNGChunk(type: "fdAT", data: data).serialized()
            }
        }
        written += 1
        if last {
            out += PNGChunk(type: "IEND", data: []).serialized()
            finished = true
        }
        try sink(out)
    }

    /// Whether all announced frames have been written (the file is complete).
    public var isComplete: Bool { finished }

    /// Encodes `frames` into a complete APNG in memory, deltas encoded on `threads` threads.
    public static func encode(frames: [RGBAImage], fps: Double, finalHold: Double = 2,
                              keyframeOptions: PNGOptions = .apngKeyframe, threads: Int? = nil) throws -> [UInt8] {
        guard let first = frames.first else { throw PNGError("an APNG needs at least one frame") }
        var bytes = [UInt8]()
        let writer = try APNGWriter(width: first.width, height: first.height, frameCount: frames.count, fps: fps,
                                    finalHold: finalHold, keyframeOptions: keyframeOptions) { bytes += $0 }
        let encoded = try ParallelPNGEncoder.map(count: frames.count, threads: threads) { k in
            if k == 0 { return try EncodedFrame.encode(FrameDelta.full(frames[0]), options: keyframeOptions) }
            return EncodedFrame.encode(FrameDelta.between(frames[k - 1], frames[k]))
        }
        for e in encoded { try writer.append(encoded: e) }
        return bytes
    }
}
