import Engine
import Render

extension UndoCommand {
    /// The settings `undo` put back, as "lr back to 0.1": those of `restored` that differ from
    /// `current`'s, in `show settings` order (a setting changed after the update is undone too).
    static func settingsChangedBack(from current: Session, to restored: Session) -> [String] {
        let now = settingWords(current)
        return settingWords(restored).enumerated().compactMap { index, setting in
            now[index].value == setting.value ? nil : "\(setting.name) back to \(setting.value)"
        }
    }

    /// Every setting the trainer holds, named and worded as the command that sets it; always
    /// the same names in the same order.
    static func settingWords(_ session: Session) -> [(name: String, value: String)] {
        let settings = session.trainer.settings, regularization = settings.regularization, format = session.format
        let layers = regularization.perLayer.sorted { $0.key < $1.key }.map { layer, term in
            "layer \(layer + 1): \(SettingsText.penalty(term, convention: regularization.convention, format: format))"
        }
        let noise = settings.noise
        var optimizer = settings.optimizer.rawValue
        if settings.optimizer != .sgd {
            optimizer += ", β1 = \(format(settings.adam.beta1)), β2 = \(format(settings.adam.beta2)), ε = \(format(settings.adam.epsilon))"
        }
        return [
            ("loss", settings.loss.rawValue),
            ("penalty", SettingsText.penalty(regularization.global, convention: regularization.convention, format: format)),
            ("layer penalties", layers.isEmpty ? "none" : layers.joined(separator: "; ")),
            ("penalty biases", regularization.includesBiases ? "on" : "off"),
            ("convention", regularization.convention.rawValue),
            ("l1mode", regularization.l1Mode.rawValue),
            ("lr", format(settings.learningRate)),
            ("momentum", format(settings.momentum)),
            ("optimizer", optimizer),
            ("weightdecay", format(settings.weightDecay)),
            ("maxnorm", settings.maxNorm.map { format($0) } ?? "off"),
            ("smoothing", format(settings.labelSmoothing)),
            ("batch", settings.batchSize.map(String.init) ?? "all"),
            ("seed", String(settings.seed)),
            ("dropout", noise.inputDropout == 0 && noise.hiddenDropout == 0 ? "off"
                : "hidden p = \(format(noise.hiddenDropout)), input p = \(format(noise.inputDropout))"),
            ("noise", noise.inputNoise == 0 ? "off" : "σ = \(format(noise.inputNoise))"),
        ]
    }
}
