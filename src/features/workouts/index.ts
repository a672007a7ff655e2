// The workouts feature's public entry (the athlete's side of training plans):
// <today-workout>, which the home renders first for an athlete with a plan.
import './today-workout.ts';

export { workoutsStrings } from './workouts-strings.ts';
