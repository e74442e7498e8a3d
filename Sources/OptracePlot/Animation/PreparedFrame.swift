/// One frame made ready for every format of an `AnimationPlan`: what the sequential encoders then only append.
public struct PreparedFrame: Sendable {
    /// The frame's place in the animation.
    public var index: Int
    /// The APNG frame (the change from the previous frame, compressed), when APNG is written.
    public var apng: EncodedFrame?
    /// The GIF frame (graphics control, image descriptor, LZW data), when GIF is written.
    public var gif: [UInt8]?
    /// The whole image, for the encoders that take whole frames (WebP, MP4, WebM).
    public var image: RGBAImage?
}
