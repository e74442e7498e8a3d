import Foundation
import OptraceCore
import OptracePictures

/// `POST /api/tune`: tune.json's document (settings, best, window, theory, every cell) with each axis's values in
/// grid order, and the picture `optrace tune` draws (heatmap or sweep curve) with where its cells are in pixels.
public enum TuneAnswer {
    public static func json(_ result: SweepResult) -> JSONValue {
        guard case .object(var members) = TuneJSON.document(result) else { return TuneJSON.document(result) }
        let plan = result.header.plan
        members.append(("axes", .array(plan.axes.map { axis in
            .object([
                ("name", .string(axis.name)),
                ("scale", .string(axis.scale.rawValue)),
                ("values", .array(axis.values.map { .number($0) })),
            ])
        })))
        if let picture = try? TunePictures.picture(result) {
            members.append(("picture", .object([
                ("image", .string("data:image/png;base64," + Data(picture.png).base64EncodedString())),
                ("columns", .array(picture.columns.map { .number($0) })),
                ("rows", .array(picture.rows.map { .number($0) })),
            ])))
        }
        return .object(members)
    }
}
