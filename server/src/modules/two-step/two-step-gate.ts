import { AppError } from '../../errors.js';

/** A session of an account that must set up two-step first reached a route other than the setup ones. */
export const twoStepSetupRequiredError = () =>
  new AppError(
    403,
    'TWO_STEP_SETUP_REQUIRED',
    'An administrator requires two-step sign-in for your role; set it up on your account page first',
  );
