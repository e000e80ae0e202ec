import Render
import Engine
import Experiments

/// What the last `fit` or `earlystop`, and the last `augment`, found: numbers a lesson's
/// `result NAME` exercise is graded against.
public struct SessionResults: Equatable, Sendable {
    /// The last `fit` or `earlystop`.
    public var stopping: StoppingResult?
    /// The last `augment`.
    public var augmentation: AugmentationResult?

    public init() {}

    /// The names `value(named:)` knows.
    public static let names = "best-epoch, stopped-epoch, epochs-run, best-loss, validation-loss[E], training-loss[E], stop-with[P] "
        + "(after fit or earlystop); dx, dy, angle, label, ink-original, ink-augmented, pixel[r,c], original[r,c] (after augment)"

    /// The number called `name` and a line saying where it comes from, or why there is none.
    public func value(named name: String) -> Result<(value: Double, derivation: String), ResultLookupError> {
        let lowered = name.lowercased()
        if let (key, indices) = Self.indexed(lowered) {
            switch key {
            case "validation-loss", "training-loss":
                guard let stopping else { return .failure(.missing("no fit or earlystop has run yet")) }
                let values = key == "validation-loss" ? stopping.validationLosses : stopping.trainingLosses
                guard indices.count == 1, (1...max(1, values.count)).contains(indices[0]), indices[0] <= values.count else {
                    return .failure(.missing("\(name): the last \(stopping.command) has \(values.count) epoch(s) of \(key)"))
                }
                return .success((values[indices[0] - 1], "\(stopping.command): epoch \(indices[0]): \(key) = \(values[indices[0] - 1])"))
            case "stop-with":
                guard let stopping else { return .failure(.missing("no fit or earlystop has run yet")) }
                guard indices.count == 1, indices[0] >= 1 else { return .failure(.missing("\(name): expected stop-with[P] with a patience P ≥ 1")) }
                var rule = EarlyStopping<Int>(patience: indices[0])
                for loss in stopping.validationLosses {
                    let epoch = rule.epoch + 1
                    if rule.observe(loss, model: epoch) == .stop { break }
                }
                guard rule.hasStopped else {
                    return .failure(.missing("\(name): patience \(indices[0]) does not stop within the \(counted(stopping.validationLosses.count, "epoch")) of the last \(stopping.command)"))
                }
                return .success((Double(rule.epoch), "\(stopping.command): on its validation losses, patience \(indices[0]) stops after epoch \(rule.epoch) (best epoch \(rule.bestEpoch ?? 0))"))
            case "pixel", "original":
                guard let augmentation else { return .failure(.missing("no augment has run yet")) }
                let image = key == "pixel" ? augmentation.augmented : augmentation.original
                guard indices.count == 2, (0..<augmentation.height).contains(indices[0]), (0..<augmentation.width).contains(indices[1]) else {
                    return .failure(.missing("\(name): expected \(key)[row,column] with row 0…\(augmentation.height - 1), column 0…\(augmentation.width - 1)"))
                }
                let value = Double(image[indices[0] * augmentation.width + indices[1]])
                let which = key == "pixel" ? "the augmented" : "the original"
                return .success((value, "augment: \(which) image \(augmentation.image) at row \(indices[0]), column \(indices[1]): \(Int(value))"))
            default: return .failure(.unknown(name))
            }
        }
        switch lowered {
        case "best-epoch", "stopped-epoch", "epochs-run", "best-loss":
            guard let stopping else { return .failure(.missing("no fit or earlystop has run yet")) }
            let losses = stopping.validationLosses
            switch lowered {
            case "best-epoch":
                guard let best = stopping.bestEpoch else { return .failure(.missing("the last \(stopping.command) has no best epoch")) }
                return .success((Double(best), "\(stopping.command): best epoch \(best), validation loss \(losses[best - 1])"))
            case "best-loss":
                guard let best = stopping.bestEpoch else { return .failure(.missing("the last \(stopping.command) has no best epoch")) }
                return .success((losses[best - 1], "\(stopping.command): the lowest validation loss, at epoch \(best): \(losses[best - 1])"))
            case "stopped-epoch":
                guard stopping.stopped else { return .failure(.missing("the last \(stopping.command) did not stop early")) }
                return .success((Double(losses.count), "\(stopping.command): stopped after epoch \(losses.count)"
                    + (stopping.bestEpoch.map { ", best epoch \($0) + patience \(stopping.patience ?? 0)" } ?? "")))
            default:
                return .success((Double(losses.count), "\(stopping.command): \(losses.count) epoch(s) ran"))
            }
        case "dx", "dy", "angle", "label", "ink-original", "ink-augmented":
            guard let augmentation else { return .failure(.missing("no augment has run yet")) }
            let transform = augmentation.transform
            let value: Double = switch lowered {
            case "dx": Double(transform.dx)
            case "dy": Double(transform.dy)
            case "angle": transform.degrees
            case "label": Double(augmentation.label)
            case "ink-original": Double(augmentation.original.count { $0 > 0 })
            default: Double(augmentation.augmented.count { $0 > 0 })
            }
            return .success((value, "augment: image \(augmentation.image): \(lowered) = \(value == value.rounded() && lowered != "angle" ? "\(Int(value))" : "\(value)")"))
        default:
            return .failure(.unknown(name))
        }
    }

    /// "pixel[3,4]" → ("pixel", [3, 4]).
    static func indexed(_ name: String) -> (String, [Int])? {
        guard let open = name.firstIndex(of: "["), name.hasSuffix("]") else { return nil }
        let key = String(name[..<open])
        let inside = name[name.index(after: open)..<name.index(before: name.endIndex)]
        let numbers = inside.split(separator: ",", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !numbers.isEmpty, numbers.allSatisfy({ $0 != nil }) else { return (key, []) }
        return (key, numbers.map { $0! })
    }
}

/// Why `SessionResults.value(named:)` has no number.
public enum ResultLookupError: Error, Equatable, Sendable {
    /// Not a name it knows.
    case unknown(String)
    /// A known name, but nothing has computed it (or the index is out of range).
    case missing(String)

    public var message: String {
        switch self {
        case .unknown(let name): "no result called '\(name)'; expected \(SessionResults.names)"
        case .missing(let reason): reason
        }
    }
}

/// The losses of the last `fit` or `earlystop` and where early stopping ended.
public struct StoppingResult: Equatable, Sendable {
    /// "fit" or "earlystop"
    public var command: String
    /// Per epoch, from epoch 1 (empty for earlystop).
    public var trainingLosses: [Double]
    /// Per epoch run, from epoch 1.
    public var validationLosses: [Double]
    public var bestEpoch: Int?
    /// nil: no early stopping (patience=none)
    public var patience: Int?
    /// Whether the rule said stop.
    public var stopped: Bool
}

/// The last `augment`: the image, its label, the transform and both images' bytes.
public struct AugmentationResult: Equatable, Sendable {
    public var image: Int
    public var label: Int
    public var transform: ImageTransform
    public var height: Int
    public var width: Int
    public var original: [UInt8]
    public var augmented: [UInt8]
}

import Foundation
