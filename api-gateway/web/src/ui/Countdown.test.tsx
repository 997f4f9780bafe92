import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Countdown } from './Countdown';

const start = new Date('2030-01-01T12:00:00Z');

describe('Countdown', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(start);
  });

  it('counts down each second to zero and then reports it once', () => {
    const onDone = vi.fn();
    render(<Countdown to={new Date(start.getTime() + 5_000).toISOString()} label="Time left to pay" onDone={onDone} />);

    expect(screen.getByText('Time left to pay')).toBeInTheDocument();
    expect(screen.getByRole('timer')).toHaveTextContent('00:05');

    act(() => vi.advanceTimersByTime(1_000));
    expect(screen.getByRole('timer')).toHaveTextContent('00:04');
    expect(onDone).not.toHaveBeenCalled();

    act(() => vi.advanceTimersByTime(4_000));
    expect(screen.getByRole('timer')).toHaveTextContent('00:00');
    expect(onDone).toHaveBeenCalledTimes(1);

    act(() => vi.advanceTimersByTime(10_000));
    expect(screen.getByRole('timer')).toHaveTextContent('00:00');
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('shows hours and days for far-off moments', () => {
    render(<Countdown to={new Date(start.getTime() + 26 * 3_600_000 + 61_000).toISOString()} label="On sale in" />);

    expect(screen.getByRole('timer')).toHaveTextContent('1d 02:01:01');
  });

  it('is already at zero for a moment in the past', () => {
    const onDone = vi.fn();
    render(<Countdown to={new Date(start.getTime() - 1_000).toISOString()} label="Time left to pay" onDone={onDone} />);

    expect(screen.getByRole('timer')).toHaveTextContent('00:00');
    expect(onDone).toHaveBeenCalledTimes(1);
  });
});
