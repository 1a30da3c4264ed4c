/// The screen model of the current screen, with the help overlay and the quit dialog on top.
///
/// Cheap enough to call after every keystroke: no formatters, no regular expressions.
public func screenModel(for state: WizardState) -> ScreenModel {
  var model: ScreenModel
  switch state.screen {
  case .welcome: model = state.welcomeScreen()
  case .pickProfile: model = state.pickerScreen()
  case .instance: model = state.instanceScreen()
  case .authType: model = state.authTypeScreen()
  case .credentials: model = state.credentialsScreen()
  case .oauthClient: model = state.oauthClientScreen()
  case .token: model = state.tokenScreen()
  case .authorization: model = state.authorizationScreen()
  case .test: model = state.testScreen()
  case .save: model = state.saveScreen()
  case .done: model = state.doneScreen()
  case .diagnose: model = state.diagnoseScreen()
  case .createOAuthClient: model = state.oauthClientCreationScreen()
  case .agentTransfer: model = state.agentTransferScreen()
  }
  if (state.authType.selected ?? .basic).isOAuth {
    if let number = state.screen.oauthStepNumber {
      model.step = "Step \(number) of \(WizardScreen.oauthStepCount)"
    }
  } else if let number = state.screen.stepNumber {
    model.step = "Step \(number) of \(WizardScreen.stepCount)"
  }
  if let running = state.activity, var progress = model.progress {
    progress.elapsedSeconds = running.elapsedSeconds
    progress.frame = running.frame
    model.progress = progress
  }
  if let note = state.pasteNote {
    model.messages.insert(ScreenMessage(kind: .info, title: note), at: 0)
  }
  model.scroll = state.scroll
  if state.isHelpShown {
    model.help = HelpOverlay(
      title: "Help: " + model.title,
      lines: HelpText.lines(for: state.screen, kind: state.authType.selected ?? .basic))
    model.hints = [KeyHint("Any key", "Close help")]
  }
  if state.isQuitDialogShown {
    if state.draftSummary == nil {
      model.dialog = Dialog(
        title: "Quit without saving?",
        lines: ["Nothing has been saved yet; what you typed will be lost."],
        options: [KeyHint("y", "Quit without saving"), KeyHint("n", "Keep going")])
    } else {
      model.dialog = Dialog(
        title: "Quit and finish later?",
        lines: [
          "It is kept as an unfinished setup, without its secrets;",
          "resume it from the welcome screen or with snowgate setup NAME.",
        ],
        options: [KeyHint("y", "Quit, finish later"), KeyHint("n", "Keep going")])
    }
  }
  return model
}
